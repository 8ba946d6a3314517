package io.holdfast.server.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one timestamp form nearly every platform sends,
 * {@code 2026-11-25T10:00:00Z} (optionally with a fraction or a {@code +hh:mm} offset).
 * {@code OffsetDateTime.parse} costs several hash maps per call, which made it the largest
 * cost of a bulk import. Anything this does not recognise, or whose fields are out of range,
 * returns null so the caller falls back to the full ISO-8601 parser: the accepted set and the
 * meaning of every value stay exactly the JDK's.
 */
final class IsoTimestamps {
  private static final int NOT_AN_OFFSET = Integer.MIN_VALUE;

  private IsoTimestamps() {}

  /** The instant, or null when the text is not in the common form. */
  static Instant parse(String s) {
    int n = s.length();
    if (n < 20 || n > 35 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i++) - '0');
      }
      if (i == start) {
        return null;
      }
      for (int pad = i - start; pad < 9; pad++) {
        nanos *= 10;
      }
    }
    int offsetSeconds = offset(s, i);
    if ((year | month | day | hour | minute | second) < 0 || offsetSeconds == NOT_AN_OFFSET) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
          .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The offset in seconds of "Z" or "+hh:mm" ending the text at {@code i}, or a sentinel. */
  private static int offset(String s, int i) {
    int n = s.length();
    if (i == n - 1 && s.charAt(i) == 'Z') {
      return 0;
    }
    if (i != n - 6 || s.charAt(i + 3) != ':') {
      return NOT_AN_OFFSET;
    }
    char sign = s.charAt(i);
    int hours = digits(s, i + 1, 2);
    int minutes = digits(s, i + 4, 2);
    if ((sign != '+' && sign != '-') || hours < 0 || minutes < 0 || hours > 18
        || minutes > 59) {
      return NOT_AN_OFFSET;
    }
    int total = hours * 3600 + minutes * 60;
    return sign == '-' ? -total : total;
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
