package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans the world's scams: picks victims (vulnerable and senior users more often), groups them
 * under scammers, and lays out each victim's payments in that scam's pattern.
 */
public final class Campaigns {
  private final WorldParameters p;
  private final Population population;
  private final SplittableRandom random;
  private final List<SimAccount> scammerAccounts = new ArrayList<>();
  private final Map<ScamKind, Integer> serial = new EnumMap<>(ScamKind.class);
  private Scammer current;
  private int currentLeft;
  private int cases;

  private record Scammer(ScamCase.Scammer who, ScamKind kind, Instant launch) {}

  public Campaigns(WorldParameters p, Population population, SplittableRandom random) {
    this.p = p;
    this.population = population;
    this.random = random;
  }

  /** Every scam case of the world, in victim order. */
  public List<ScamCase> plan() {
    List<ScamCase> planned = new ArrayList<>();
    for (ScamKind kind : ScamKind.values()) {
      int count = (int) Math.round(p.users() * p.victimShare() * p.mix().get(kind));
      currentLeft = 0;
      for (int i = 0; i < Math.max(1, count); i++) {
        planned.add(plan(kind, pickVictim()));
      }
    }
    return planned;
  }

  /** The scammer and mule accounts the campaigns created (registered with the others). */
  public List<SimAccount> scammerAccounts() {
    return scammerAccounts;
  }

  private SimAccount pickVictim() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      SimAccount u = population.user(random.nextInt(population.users().size()));
      double weight = u.vulnerable() || "65+".equals(u.ageBand()) ? p.vulnerableVictimWeight() : 1;
      if (random.nextDouble() * p.vulnerableVictimWeight() < weight) {
        return u;
      }
    }
    throw new IllegalStateException("no victim found in 1,000 draws");
  }

  private ScamCase plan(ScamKind kind, SimAccount victim) {
    Scammer scammer = scammerFor(kind);
    String caseId = String.format(Locale.ROOT, "case%05d", ++cases);
    Instant start = scammer.launch().plus(Duration.ofMinutes(random.nextInt(3 * 24 * 60)));
    List<SimTransfer> payments = new ArrayList<>();
    List<PlannedEvent> setup = new ArrayList<>();
    ScamPatterns patterns = new ScamPatterns(random, p);
    patterns.lay(kind, caseId, victim, scammer.who(), start, payments, setup);
    Invariants.check(!payments.isEmpty(), "a scam case makes at least one payment");
    return new ScamCase(caseId, victim, kind, scammer.who(), payments, setup);
  }

  /** The scammer working this victim: a new one when the current one has its fill. */
  private Scammer scammerFor(ScamKind kind) {
    if (current != null && current.kind() == kind && currentLeft > 0) {
      currentLeft--;
      return current;
    }
    int n = serial.merge(kind, 1, Integer::sum);
    Instant launch = p.start().plus(Duration.ofHours(random.nextInt(Math.max(1,
        (p.days() - 4) * 24))));
    boolean external = kind == ScamKind.GIVEAWAY || kind == ScamKind.IMPERSONATION
        || kind == ScamKind.FAKE_SUPPORT || (kind == ScamKind.INVESTMENT && random.nextBoolean());
    ScamCase.Scammer who;
    if (external) {
      String address = Addresses.evm(random);
      who = new ScamCase.Scammer("x:ETH:" + address, null, null, address, null);
    } else {
      String id = String.format(Locale.ROOT, "s%s%03d", kind.name().substring(0, 3)
          .toLowerCase(Locale.ROOT), n);
      String country = kind == ScamKind.ROMANCE ? Population.abroad(random) : "GB";
      SimAccount account = new SimAccount(id, SimAccount.Role.SCAMMER, country, "25-34", false,
          1 + random.nextInt(20), random.nextInt(2), null);
      SimAccount mule = new SimAccount("mule-" + id, SimAccount.Role.MULE, "GB", "18-24", false,
          10 + random.nextInt(200), 1, Addresses.evm(random));
      scammerAccounts.add(account);
      scammerAccounts.add(mule);
      who = new ScamCase.Scammer("a:" + id, account, mule, null,
          launch.minus(Duration.ofDays(account.ageDays())));
    }
    current = new Scammer(who, kind, launch);
    currentLeft = Math.max(0, p.victimsPerScammer().get(kind) - 1);
    return current;
  }
}
