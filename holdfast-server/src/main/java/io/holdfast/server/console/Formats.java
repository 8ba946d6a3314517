package io.holdfast.server.console;

import io.holdfast.core.money.CurrencyCatalog;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * What a person reads: amounts in their currency's units with the viewer's separators, times
 * in the viewer's zone and language, durations in words. Never minor units or a raw ISO time.
 */
public final class Formats {
  private final Viewer viewer;
  private final CurrencyCatalog currencies;

  public Formats(Viewer viewer, CurrencyCatalog currencies) {
    this.viewer = viewer;
    this.currencies = currencies;
  }

  /** {@code 150000000, USDT} as "USDT 1,500.000000" or "USDT 1.500,000000" by locale. */
  public String money(long amountMinor, String currency) {
    int exponent = currencies.find(currency).map(c -> c.exponent()).orElse(2);
    NumberFormat f = NumberFormat.getNumberInstance(viewer.locale());
    f.setMinimumFractionDigits(exponent);
    f.setMaximumFractionDigits(exponent);
    return currency + " " + f.format(BigDecimal.valueOf(amountMinor, exponent));
  }

  /** A moment as the viewer reads it, with their zone named. */
  public String time(Instant at) {
    if (at == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(viewer.locale()).withZone(viewer.zone()).format(at) + " "
        + viewer.zone().getId();
  }

  /** The machine-readable form for a {@code <time datetime>} attribute. */
  public String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  /** How long until {@code at} from {@code now}, in words: "in 3 h 12 min" or "4 min ago". */
  public String until(Instant at, Instant now) {
    if (at == null) {
      return "";
    }
    Duration d = Duration.between(now, at);
    String words = words(d.abs());
    return d.isNegative() ? words + " ago" : "in " + words;
  }

  private static String words(Duration d) {
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    if (days > 0) {
      return days + " d " + hours + " h";
    }
    if (hours > 0) {
      return hours + " h " + minutes + " min";
    }
    return Math.max(minutes, d.toSeconds() > 0 ? 1 : 0) + " min";
  }

  /** A day as the viewer reads it ("25 Nov 2026"). */
  public String day(LocalDate day) {
    return day == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
        .withLocale(viewer.locale()).format(day);
  }

  /** A time taken, in words: "850 ms", "12 s", "3 h 12 min"; empty when unknown. */
  public String elapsed(Long millis) {
    if (millis == null) {
      return "";
    }
    if (millis < 1_000) {
      return count(millis) + " ms";
    }
    if (millis < 60_000) {
      return count(millis / 1_000) + " s";
    }
    return words(Duration.ofMillis(millis));
  }

  /** Seconds as hours with one decimal, in the viewer's separators ("1,234.5 h"). */
  public String hours(long seconds) {
    NumberFormat f = NumberFormat.getNumberInstance(viewer.locale());
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    return f.format(seconds / 3600.0) + " h";
  }

  /** A count with the viewer's thousands separators. */
  public String count(long n) {
    return NumberFormat.getIntegerInstance(viewer.locale()).format(n);
  }
}
