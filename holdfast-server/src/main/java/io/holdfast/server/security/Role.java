package io.holdfast.server.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles people hold. What each may call is the route table ({@link RouteRules}); this says
 * in words what each is for, and names the authority the table uses.
 */
public enum Role {
  /** Administers people, API keys, intel lists and the server; implies no other role. */
  ADMIN("administers people, API keys, intel lists and the server"),
  /** Everything an analyst does, and what needs a supervisor (releases to reported recipients,
   * restitution, law-enforcement requests, rule changes). */
  SUPERVISOR("does what an analyst does, and releases to reported recipients, restitution,"
      + " law-enforcement requests and rule changes"),
  /** Works holds, reports, cases, freezes, sweeps, campaigns; and does what an agent does. */
  ANALYST("works holds, reports, cases, freezes, sweeps and campaigns, and does what an agent"
      + " does"),
  /** Works the call and chat queue: claims tasks, reads the held payment, records outcomes. */
  AGENT("works the call and chat queue and reads the payments it is about"),
  /** Reads everything people may read, the audit log included, and changes nothing. */
  AUDITOR("reads everything people may read, the audit log included, and changes nothing");

  private final String description;

  Role(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The authority Spring Security and the route table use: {@code ROLE_<NAME>}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** The role a client names, in any case; empty for one Holdfast does not have. */
  public static Optional<Role> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String upper = text.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst();
  }
}
