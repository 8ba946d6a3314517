package io.holdfast.core.simulation;

import io.holdfast.core.support.Invariants;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The people and businesses of the simulated platform: users (some senior, some vulnerable,
 * each with friends they pay and a wallet of their own), merchants, and the adversaries who file
 * false reports. Scammers and mules are created by the campaigns.
 */
public final class Population {
  private static final String[] COUNTRIES = {"GB", "GB", "GB", "GB", "IE", "DE", "ES", "FR"};
  private static final String[] ABROAD = {"NG", "KH", "MM", "PH", "AE", "GH", "MY"};
  private static final String[] BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64"};

  private final List<SimAccount> users = new ArrayList<>();
  private final List<SimAccount> merchants = new ArrayList<>();
  private final List<SimAccount> adversaries = new ArrayList<>();
  private final int[][] friends;

  public Population(WorldParameters p, SplittableRandom random) {
    for (int i = 0; i < p.users(); i++) {
      boolean senior = random.nextDouble() < p.seniorShare();
      boolean vulnerable = random.nextDouble() < p.vulnerableShare();
      String band = senior ? "65+" : BANDS[random.nextInt(BANDS.length)];
      int ageDays = random.nextDouble() < p.newUserShare() ? 1 + random.nextInt(29)
          : 30 + random.nextInt(2_000);
      users.add(new SimAccount(String.format(Locale.ROOT, "u%06d", i), SimAccount.Role.USER,
          COUNTRIES[random.nextInt(COUNTRIES.length)], band, vulnerable, ageDays,
          1 + random.nextInt(2), Addresses.evm(random)));
    }
    for (int i = 0; i < p.merchants(); i++) {
      merchants.add(new SimAccount(String.format(Locale.ROOT, "m%04d", i),
          SimAccount.Role.MERCHANT, "GB", null, false, 400 + random.nextInt(3_000), 3, null));
    }
    for (int i = 0; i < p.falseReporters(); i++) {
      adversaries.add(new SimAccount(String.format(Locale.ROOT, "adv%03d", i),
          SimAccount.Role.ADVERSARY, "GB", "25-34", false, 5 + random.nextInt(60), 1, null));
    }
    friends = new int[p.users()][];
    for (int i = 0; i < p.users(); i++) {
      friends[i] = new int[p.friendsPerUser()];
      for (int f = 0; f < friends[i].length; f++) {
        int other = random.nextInt(p.users() - 1);
        friends[i][f] = other >= i ? other + 1 : other;
      }
    }
  }

  public List<SimAccount> users() {
    return users;
  }

  public List<SimAccount> merchants() {
    return merchants;
  }

  public List<SimAccount> adversaries() {
    return adversaries;
  }

  public SimAccount user(int index) {
    return users.get(index);
  }

  public int friend(int user, SplittableRandom random) {
    int[] mine = friends[user];
    Invariants.check(mine.length > 0, "a user has friends");
    return mine[random.nextInt(mine.length)];
  }

  static String abroad(SplittableRandom random) {
    return ABROAD[random.nextInt(ABROAD.length)];
  }
}
