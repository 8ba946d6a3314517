package io.holdfast.server.rules;

import io.holdfast.core.screening.DraftReplay;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A draft replayed over the most recent stored screenings (their transfers and the features
 * they were screened with), bounded in rows and time, and, for a live rule in shadow, what it
 * matched in the last seven days. Outcomes are the rules' part of a decision only: intel lists,
 * freezes and the risk model are not replayed.
 *
 * @param read stored screenings read, newest first
 * @param skipped of those, the ones that could not be replayed (a currency no longer
 *     configured)
 * @param stoppedBy {@code rows} when the row limit was reached, {@code time} when the time budget
 *     ran out, null when every stored screening was read
 * @param oldest the oldest transfer replayed (its created_at); null when none was
 * @param hits replayed transfers the draft's rule matches, whatever its status
 * @param errors replayed transfers for which the draft's rule could not be evaluated
 * @param hitOutcomes for the matched transfers, the outcome the rules would give each with the
 *     draft published
 * @param changes replayed transfers whose outcome the draft would change, from what to what
 * @param shadowHits the live rule's recorded shadow matches, when it is live in shadow; else null
 */
public record RuleBacktest(
    String draftId,
    String rule,
    int rowLimit,
    long budgetMillis,
    long read,
    long skipped,
    @Schema(description = "rows, time, or absent when every stored screening was read")
    String stoppedBy,
    Instant oldest,
    Instant newest,
    long hits,
    long errors,
    List<DraftReplay.Count> hitOutcomes,
    List<DraftReplay.Change> changes,
    ShadowHits shadowHits) {

  /** A shadow rule's recorded matches over the last {@code days} UTC days, today included. */
  public record ShadowHits(String rule, int days, LocalDate since, long hits) {}

  public long replayed() {
    return read - skipped;
  }
}
