package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The simulated world's parameters, read from a properties file whose comments give each
 * number's source or reasoning ({@code simulation/default-world.properties}).
 */
public record WorldParameters(int users, int days, Instant start, long seed, int merchants,
    double vulnerableShare, double seniorShare, double newUserShare, double peerPaymentsPerDay,
    double merchantPaymentsPerDay, double withdrawalsPerDay, double depositsPerDay,
    int friendsPerUser, double newPayeeShare, long peerMedianMinor, long merchantMedianMinor,
    long withdrawalMedianMinor, long depositMedianMinor, double amountSigma,
    double securityChangesPerUserPerMonth, double victimShare, Map<ScamKind, Double> mix,
    double vulnerableVictimWeight, Map<ScamKind, Integer> victimsPerScammer,
    double muleForwardShare, int muleForwardMinHours, int muleForwardMaxHours,
    double scamVictimHeedsWarning, double honestHeedsWarning, double scamVictimCancelsHold,
    double honestCancelsHold, double scamVictimAnswers, double scamVictimAnswersTruthfully,
    double honestAnswers, double callReachesSender, double reachedScamVictimCancels, double victimReadsOutreach,
    double silentVictimConfirmsLoss, double victimReports, int falseReporters,
    int falseReportsEach, Prevention prevention, Remittances remittances) {

  /**
   * How people respond to proactive alerts (risk assessments and campaign warnings).
   *
   * @param userReadsAlert the chance a user opens an alert the platform shows
   * @param scamVictimHeedsAlert the chance a victim part-way through a scam who reads an alert
   *     stops paying the scammer
   */
  public record Prevention(double userReadsAlert, double scamVictimHeedsAlert) {
    public Prevention {
      Invariants.check(userReadsAlert >= 0 && userReadsAlert <= 1
          && scamVictimHeedsAlert >= 0 && scamVictimHeedsAlert <= 1, "chances are 0 to 1");
    }
  }

  /**
   * Honest money sent abroad: users with family in another country who pay them on the platform.
   *
   * @param senderShare the share of users who send money home
   * @param relativesMax each such user pays 1 to this many relatives
   * @param perMonth payments a sender makes a month, spread over their relatives
   * @param medianMinor the median payment in US cents (lognormal with the world's sigma)
   * @param newRelativeShare the share of relatives whose account is less than a month old
   * @param cashOutShare the share of payments the relative withdraws within two days
   */
  public record Remittances(double senderShare, int relativesMax, double perMonth,
      long medianMinor, double newRelativeShare, double cashOutShare) {
    public Remittances {
      Invariants.check(senderShare >= 0 && senderShare <= 1 && newRelativeShare >= 0
          && newRelativeShare <= 1 && cashOutShare >= 0 && cashOutShare <= 1,
          "shares are 0 to 1");
      Invariants.check(relativesMax >= 1 && relativesMax <= 10, "relativesMax must be 1 to 10");
      Invariants.check(perMonth >= 0 && perMonth <= 60, "perMonth must be 0 to 60");
      Invariants.check(medianMinor >= 100, "medianMinor must be at least one dollar");
    }
  }

  public static final int USERS_MAX = 5_000_000;
  public static final int DAYS_MAX = 366;

  public WorldParameters {
    Invariants.check(users >= 100 && users <= USERS_MAX, "users must be 100 to %d", USERS_MAX);
    Invariants.check(days >= 1 && days <= DAYS_MAX, "days must be 1 to %d", DAYS_MAX);
    Invariants.check(merchants >= 1 && merchants < users, "merchants must be fewer than users");
    Invariants.check(mix.size() == ScamKind.values().length, "a mix share for every scam kind");
    mix = Map.copyOf(mix);
    victimsPerScammer = Map.copyOf(victimsPerScammer);
  }

  /** The default world shipped with the project. */
  public static WorldParameters defaults() {
    try (InputStream in = WorldParameters.class.getResourceAsStream(
        "/simulation/default-world.properties")) {
      Invariants.check(in != null, "the default world file is missing");
      Properties p = new Properties();
      p.load(in);
      return from(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same world with another size, length or seed. */
  public WorldParameters resized(int newUsers, int newDays, long newSeed) {
    return new WorldParameters(newUsers, newDays, start, newSeed,
        Math.max(1, Math.min(merchants, newUsers / 20)), vulnerableShare, seniorShare, newUserShare,
        peerPaymentsPerDay, merchantPaymentsPerDay, withdrawalsPerDay, depositsPerDay,
        friendsPerUser, newPayeeShare, peerMedianMinor, merchantMedianMinor,
        withdrawalMedianMinor, depositMedianMinor, amountSigma, securityChangesPerUserPerMonth,
        victimShare, mix, vulnerableVictimWeight, victimsPerScammer, muleForwardShare,
        muleForwardMinHours, muleForwardMaxHours, scamVictimHeedsWarning, honestHeedsWarning,
        scamVictimCancelsHold, honestCancelsHold, scamVictimAnswers,
        scamVictimAnswersTruthfully, honestAnswers, callReachesSender, reachedScamVictimCancels,
        victimReadsOutreach, silentVictimConfirmsLoss, victimReports, falseReporters,
        falseReportsEach, prevention, remittances);
  }

  public static WorldParameters from(Properties p) {
    Map<ScamKind, Double> mix = new EnumMap<>(ScamKind.class);
    Map<ScamKind, Integer> perScammer = new EnumMap<>(ScamKind.class);
    for (ScamKind kind : ScamKind.values()) {
      mix.put(kind, d(p, "mix." + kind.name()));
      perScammer.put(kind, i(p, "victimsPerScammer." + kind.name()));
    }
    return new WorldParameters(i(p, "users"), i(p, "days"), Instant.parse(s(p, "start")),
        Long.parseLong(s(p, "seed")), i(p, "merchants"), d(p, "vulnerableShare"),
        d(p, "seniorShare"), d(p, "newUserShare"), d(p, "peerPaymentsPerDay"), d(p, "merchantPaymentsPerDay"),
        d(p, "withdrawalsPerDay"), d(p, "depositsPerDay"), i(p, "friendsPerUser"),
        d(p, "newPayeeShare"), l(p, "peerMedianMinor"), l(p, "merchantMedianMinor"),
        l(p, "withdrawalMedianMinor"), l(p, "depositMedianMinor"), d(p, "amountSigma"),
        d(p, "securityChangesPerUserPerMonth"), d(p, "victimShare"), mix,
        d(p, "vulnerableVictimWeight"), perScammer, d(p, "muleForwardShare"),
        i(p, "muleForwardMinHours"), i(p, "muleForwardMaxHours"),
        d(p, "scamVictimHeedsWarning"), d(p, "honestHeedsWarning"),
        d(p, "scamVictimCancelsHold"), d(p, "honestCancelsHold"), d(p, "scamVictimAnswers"),
        d(p, "scamVictimAnswersTruthfully"), d(p, "honestAnswers"), d(p, "callReachesSender"),
        d(p, "reachedScamVictimCancels"), d(p, "victimReadsOutreach"),
        d(p, "silentVictimConfirmsLoss"), d(p, "victimReports"), i(p, "falseReporters"),
        i(p, "falseReportsEach"),
        new Prevention(d(p, "userReadsAlert"), d(p, "scamVictimHeedsAlert")),
        new Remittances(d(p, "remittance.senderShare"), i(p, "remittance.relativesMax"),
            d(p, "remittance.perMonth"), l(p, "remittance.medianMinor"),
            d(p, "remittance.newRelativeShare"), d(p, "remittance.cashOutShare")));
  }

  private static String s(Properties p, String key) {
    String value = p.getProperty(key);
    Invariants.check(value != null, "world parameter %s is missing", key);
    return value.trim();
  }

  private static double d(Properties p, String key) {
    return Double.parseDouble(s(p, key));
  }

  private static int i(Properties p, String key) {
    return Integer.parseInt(s(p, key));
  }

  private static long l(Properties p, String key) {
    return Long.parseLong(s(p, key));
  }
}
