package io.holdfast.server.support;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message templates (rows of {@code message_templates}) every message writer renders from:
 * the ladder's warnings, call scripts, outreach guides, risk assessments and campaign warnings.
 * A template is looked up by kind, scam type and language, falling back to the GENERAL scam type,
 * then to English, then to both, so a new language or scam type can be added one row at a time.
 */
public final class MessageTemplates {
  /** A template, as stored. */
  public record Template(String title, String body, int version, String language) {}

  private final JdbcTemplate jdbc;

  public MessageTemplates(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The template for the kind, scam type and language, with the fallbacks; empty if none. */
  public Optional<Template> find(String kind, String scamType, String language) {
    return exact(kind, scamType, language)
        .or(() -> exact(kind, GENERAL, language))
        .or(() -> exact(kind, scamType, ENGLISH))
        .or(() -> exact(kind, GENERAL, ENGLISH));
  }

  /** As {@link #find}, for kinds that must have a template; a missing one is a broken seed. */
  public Template require(String kind, String scamType, String language) {
    return find(kind, scamType, language)
        .orElseThrow(() -> new IllegalStateException("no template for " + kind));
  }

  private static final String GENERAL = "GENERAL";
  private static final String ENGLISH = "en";

  private Optional<Template> exact(String kind, String scamType, String language) {
    return jdbc.query("SELECT title, body, version, language FROM message_templates"
            + " WHERE kind = ? AND scam_type = ? AND language = ?",
        (rs, n) -> new Template(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)),
        kind, scamType, language).stream().findFirst();
  }
}
