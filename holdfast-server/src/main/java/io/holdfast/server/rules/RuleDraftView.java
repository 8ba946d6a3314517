package io.holdfast.server.rules;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A draft as the API answers it and the console shows it: the rule as proposed (with the version
 * it will have once published), the live rule of that name now, and who did what when.
 *
 * @param kind {@code new} for a rule no one had, {@code change} for a new version of a live rule
 * @param baseVersion the live rule's version the change was proposed against; publishing is
 *     refused once the live rule has moved past it
 * @param live the live rule of that name as it is now; null when there is none
 */
public record RuleDraftView(
    String draftId,
    @Schema(description = "proposed, published or withdrawn") String state,
    @Schema(description = "new or change") String kind,
    RuleView rule,
    Integer baseVersion,
    RuleView live,
    String note,
    String proposedBy,
    Instant proposedAt,
    String publishedBy,
    Instant publishedAt,
    String withdrawnBy,
    Instant withdrawnAt) {

  public boolean proposed() {
    return "proposed".equals(state);
  }

  public boolean newRule() {
    return "new".equals(kind);
  }

  /** Whether the live rule changed after this draft was proposed, so it cannot be published. */
  public boolean overtaken() {
    return proposed() && (newRule() ? live != null
        : live == null || baseVersion == null || live.version() != baseVersion);
  }
}
