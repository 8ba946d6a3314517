package io.holdfast.core.prevention.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.campaign.CampaignOutcome.Accepted;
import io.holdfast.core.prevention.campaign.CampaignOutcome.Reason;
import io.holdfast.core.prevention.campaign.CampaignOutcome.Rejected;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignTest {
  static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

  static CampaignTerms terms(String createdBy, String reason) {
    CampaignMessages messages = new CampaignMessages(ScamType.INVESTMENT, List.of(
        new CampaignMessages.Message(ScamType.INVESTMENT, "en", "Investment scams", "Beware"),
        new CampaignMessages.Message(ScamType.INVESTMENT, "es", "Estafas", "Cuidado"),
        new CampaignMessages.Message(ScamType.ROMANCE, "en", "Romance scams", "Beware love")));
    return new CampaignTerms("cmp_1", "Investment in GB", "IN_APP", Segment.everyone(),
        messages, new Schedule(START, START.plus(Duration.ofDays(10)), Schedule.Cadence.DAILY),
        3, 1000, createdBy, START.minusSeconds(60), reason);
  }

  static Reason rejected(CampaignOutcome o) {
    return ((Rejected) o).reason();
  }

  static Campaign next(CampaignOutcome o) {
    return ((Accepted) o).next();
  }

  @Test
  void theCreatorCannotActivateTheirOwnDraftWhateverTheirRoles() {
    Campaign draft = new Campaign.Draft(terms("user:ann", null), 1);
    assertThat(rejected(draft.handle(new CampaignCommand.Activate("user:ann", START))))
        .isEqualTo(Reason.SAME_PERSON);
    Campaign byBob = next(draft.handle(new CampaignCommand.Activate("user:bob", START)));
    assertThat(byBob).isInstanceOf(Campaign.Active.class);
    assertThat(byBob.version()).isEqualTo(2);
    assertThat(((Campaign.Active) byBob).activation().by()).isEqualTo("user:bob");
  }

  @Test
  void aProposalIsApprovedByAnyAnalystOrDismissedAndThenEndsNothing() {
    Campaign proposed = new Campaign.Proposed(terms("system:surge", "7 confirmed"), 1);
    assertThat(next(proposed.handle(new CampaignCommand.Activate("user:ann", START))))
        .isInstanceOf(Campaign.Active.class);
    Campaign dismissed = next(proposed.handle(new CampaignCommand.Dismiss("user:ann", START,
        "seasonal")));
    assertThat(dismissed).isInstanceOf(Campaign.Cancelled.class);
    for (CampaignCommand c : List.of(new CampaignCommand.Activate("user:bob", START),
        new CampaignCommand.Pause("user:bob", START, null),
        new CampaignCommand.End("user:bob", START, null),
        new CampaignCommand.Dismiss("user:bob", START, null))) {
      assertThat(rejected(dismissed.handle(c))).isEqualTo(Reason.ALREADY_ENDED);
    }
  }

  @Test
  void everyStateAgainstEveryCommand() {
    Campaign draft = new Campaign.Draft(terms("user:ann", null), 1);
    Campaign active = next(draft.handle(new CampaignCommand.Activate("user:bob", START)));
    Campaign paused = next(active.handle(new CampaignCommand.Pause("user:bob", START, "x")));
    Campaign ended = next(paused.handle(new CampaignCommand.End("user:bob", START, "x")));
    assertThat(paused).isInstanceOf(Campaign.Paused.class);
    assertThat(ended).isInstanceOf(Campaign.Ended.class);
    assertThat(((Campaign.Ended) ended).activation().by()).isEqualTo("user:bob");
    assertThat(rejected(draft.handle(new CampaignCommand.Pause("user:bob", START, null))))
        .isEqualTo(Reason.NOT_ALLOWED);
    assertThat(rejected(draft.handle(new CampaignCommand.End("user:bob", START, null))))
        .isEqualTo(Reason.NOT_ALLOWED);
    assertThat(rejected(active.handle(new CampaignCommand.Activate("user:bob", START))))
        .isEqualTo(Reason.NOT_ALLOWED);
    assertThat(rejected(active.handle(new CampaignCommand.Dismiss("user:bob", START, null))))
        .isEqualTo(Reason.NOT_ALLOWED);
    assertThat(next(paused.handle(new CampaignCommand.Activate("user:cy", START))))
        .isInstanceOf(Campaign.Active.class);
    assertThat(rejected(paused.handle(new CampaignCommand.Activate("user:ann", START))))
        .as("the creator still needs a second person to resume").isEqualTo(Reason.SAME_PERSON);
    assertThat(rejected(ended.handle(new CampaignCommand.Activate("user:cy", START))))
        .isEqualTo(Reason.ALREADY_ENDED);
    Instant late = START.plus(Duration.ofDays(10));
    assertThat(rejected(draft.handle(new CampaignCommand.Activate("user:bob", late))))
        .as("a window that is over cannot start").isEqualTo(Reason.NOT_ALLOWED);
  }

  @Test
  void roundsFollowTheScheduleWithinItsWindow() {
    Schedule daily = new Schedule(START, START.plus(Duration.ofDays(3)), Schedule.Cadence.DAILY);
    assertThat(daily.roundAt(START.minusMillis(1))).isEmpty();
    assertThat(daily.roundAt(START)).contains(1);
    assertThat(daily.roundAt(START.plus(Duration.ofHours(23)))).contains(1);
    assertThat(daily.roundAt(START.plus(Duration.ofDays(1)))).contains(2);
    assertThat(daily.roundAt(START.plus(Duration.ofDays(3)).minusMillis(1))).contains(3);
    assertThat(daily.roundAt(START.plus(Duration.ofDays(3)))).isEmpty();
    assertThat(daily.roundsMax()).isEqualTo(3);
    Schedule once = new Schedule(START, START.plus(Duration.ofDays(3)), Schedule.Cadence.ONCE);
    assertThat(once.roundAt(START.plus(Duration.ofDays(2)))).contains(1);
    assertThat(once.roundsMax()).isEqualTo(1);
  }

  @Test
  void messagesFallBackToTheCampaignsScamTypeAndToEnglish() {
    CampaignMessages m = terms("x", null).messages();
    assertThat(m.pick(ScamType.ROMANCE, "es").title()).as("romance exists only in English")
        .isEqualTo("Romance scams");
    assertThat(m.pick(ScamType.GIVEAWAY, "es").title()).isEqualTo("Estafas");
    assertThat(m.pick(null, "fr").title()).isEqualTo("Investment scams");
    assertThat(Languages.of("MX")).isEqualTo("es");
    assertThat(Languages.of(null)).isEqualTo("en");
  }
}
