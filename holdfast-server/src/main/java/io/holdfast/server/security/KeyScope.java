package io.holdfast.server.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a platform's API key may do. Each scope is an authority of its own
 * ({@code SCOPE_<name>}) that rows of {@link RouteRules} name.
 */
public enum KeyScope {
  SCREEN("screen transfers and read their decisions"),
  INGEST("send accounts, account events and history"),
  INTEL("read intel lists and look addresses up"),
  RULES("read and change screening rules"),
  METRICS("read metrics and statistics"),
  HOLDS("act for senders on their held payments"),
  INSTRUCTIONS("pull and acknowledge money instructions, report frozen funds"),
  REPORTS("file victims' reports and appeals"),
  OUTREACH("pull outreach messages and post victims' replies"),
  PREVENTION("pull prevention alerts and post receipts");

  private final String description;

  KeyScope(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The scope's name on the wire and in the store: {@code screen}, {@code ingest}, ... */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String authority() {
    return "SCOPE_" + wire();
  }

  public static Optional<KeyScope> parse(String text) {
    return text == null ? Optional.empty() : Arrays.stream(values())
        .filter(s -> s.wire().equals(text.trim().toLowerCase(Locale.ROOT))).findFirst();
  }

  /** Every scope's wire name, in declaration order. */
  public static List<String> all() {
    return Arrays.stream(values()).map(KeyScope::wire).toList();
  }
}
