package io.holdfast.server.web;

/** A person's free-text note on a command (why, what was found), checked the same way everywhere. */
public final class Notes {
  private Notes() {}

  /** The note, or null when blank and not required; a 400 when missing or too long. */
  public static String check(String field, String text, boolean required, int maxChars) {
    if (text == null || text.isBlank()) {
      if (required) {
        throw ApiProblem.invalidField(field, field + " is required");
      }
      return null;
    }
    if (text.length() > maxChars) {
      throw ApiProblem.invalidField(field, field + " is at most " + maxChars + " characters");
    }
    return text;
  }
}
