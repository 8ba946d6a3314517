package io.holdfast.server.web;

import java.util.regex.Pattern;

/** The one format of every id a platform sends: transfers, accounts, events, rules, lists. */
public final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}");

  private Ids() {}

  /**
   * Whether an id has the format of {@link #ID}. Checked by hand because ids are checked for
   * every screened and every imported transfer, where the regex matcher was a measurable
   * cost; the pattern stays as the definition, and a test holds the two equal.
   */
  public static boolean valid(String id) {
    if (id == null || id.isEmpty() || id.length() > 128) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9');
      if (!alphanumeric && (i == 0 || (c != '.' && c != '_' && c != ':' && c != '@'
          && c != '-'))) {
        return false;
      }
    }
    return true;
  }

  static boolean matchesPattern(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** Checks a required id field of a body. */
  public static String require(String field, String id) {
    if (id == null || id.isEmpty()) {
      throw ApiProblem.invalidField(field, field + " is required");
    }
    if (!valid(id)) {
      throw ApiProblem.invalidField(field, field + " must be 1-128 characters of letters, digits"
          + " and . _ : @ -, starting with a letter or digit");
    }
    return id;
  }

  /** Checks an id taken from the path. */
  public static String path(String name, String id) {
    if (!valid(id)) {
      throw new ApiProblem(ProblemType.INVALID_ID, name + " '" + abbreviate(id)
          + "' is not a valid id: 1-128 characters of letters, digits and . _ : @ -",
          java.util.Map.of("field", name));
    }
    return id;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
