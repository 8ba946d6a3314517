package io.holdfast.core.feature;

import java.util.Locale;

/**
 * Packs an ISO 3166-1 alpha-2 country code into a short (1 to 676), so the feature store keeps
 * a country per account in two bytes. 0 means the platform did not say or sent something that
 * is not a two-letter code.
 */
final class CountryCode {
  static final short UNKNOWN = 0;

  private CountryCode() {}

  static short of(String country) {
    if (country == null || country.length() != 2) {
      return UNKNOWN;
    }
    String upper = country.toUpperCase(Locale.ROOT);
    char first = upper.charAt(0);
    char second = upper.charAt(1);
    if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
      return UNKNOWN;
    }
    return (short) (1 + (first - 'A') * 26 + (second - 'A'));
  }

  /** True only when both countries are known and not the same: unknown is never cross-border. */
  static boolean differ(short a, short b) {
    return a != UNKNOWN && b != UNKNOWN && a != b;
  }
}
