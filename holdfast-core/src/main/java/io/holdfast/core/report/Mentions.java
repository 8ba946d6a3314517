package io.holdfast.core.report;

import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a victim's text names: on-chain addresses (checked on their network, so a random
 * word is never taken for one) and tokens that could be platform account ids, which the caller
 * keeps only if such an account exists. Victims paste addresses and handles into narratives
 * and scammers' messages; linking them is how one report reaches the others.
 */
public final class Mentions {
  /** Bounds on the work one text may cause. */
  public static final int TOKENS_MAX = 20_000;
  public static final int FOUND_MAX = 50;

  /** The addresses and candidate account ids found, each at most {@link #FOUND_MAX}. */
  public record Found(List<AddressCheck.Valid> addresses, List<String> accountCandidates) {}

  private Mentions() {}

  public static Found in(String text) {
    Set<String> seenAddresses = new LinkedHashSet<>();
    List<AddressCheck.Valid> addresses = new ArrayList<>();
    Set<String> candidates = new LinkedHashSet<>();
    int tokens = 0;
    for (String raw : text.split("[\\s,;()\\[\\]{}<>\"'`|]+")) {
      if (++tokens > TOKENS_MAX) {
        break;
      }
      String token = trim(raw);
      if (token.length() < 3 || token.length() > 128) {
        continue;
      }
      if (addresses.size() < FOUND_MAX && token.length() >= 25) {
        AddressNormalizer.detect(token).filter(a -> seenAddresses.add(a.indexNetwork() + ":"
            + a.address())).ifPresent(addresses::add);
      }
      if (candidates.size() < FOUND_MAX && looksLikeAccountId(token)) {
        candidates.add(token);
      }
    }
    return new Found(List.copyOf(addresses), List.copyOf(candidates));
  }

  /** Letters with at least one digit, as platform ids and handles usually are. */
  static boolean looksLikeAccountId(String token) {
    boolean digit = false;
    boolean letter = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letter = true;
      } else if (c != '_' && c != '-' && c != '.' && c != '@' && c != ':') {
        return false;
      }
    }
    return digit && letter && token.length() <= 64;
  }

  private static String trim(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && ".:!?@#".indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && ".:!?".indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    return token.substring(from, to);
  }
}
