package io.holdfast.core.ladder;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldCommand;
import io.holdfast.core.hold.HoldOutcome;
import io.holdfast.core.hold.HoldPolicy;
import io.holdfast.core.hold.RiskTier;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each named rule of de-escalation once letting a hold be shortened and once refusing, with
 * its reason; then the whole policy: every question answered "no" on an elevated hold shortens
 * it to an hour after it was placed, and anything else keeps the deadline with the first reason.
 */
class DeescalationTest {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z"); // a Monday
  static final Instant SOON = T0.plus(Duration.ofMinutes(10));
  static final Money AMOUNT = new Money(150_000, CurrencyCatalog.defaults().find("USD")
      .orElseThrow());
  static final HoldPolicy POLICY = HoldPolicy.defaults();
  final Deescalation deescalation = new Deescalation(POLICY.deescalatedHold());

  /** A 24-hour hold of a sender who is not vulnerable, in the lowest tier. */
  static Hold.Held elevated() {
    return POLICY.place("h-1", "t-1", "a-1", "a:r-1", AMOUNT, 0.5, false, List.of("X"), T0);
  }

  static Map<String, Boolean> allNo() {
    Map<String, Boolean> answers = new LinkedHashMap<>();
    Questionnaire.QUESTIONS.forEach(q -> answers.put(q.id(), false));
    return answers;
  }

  static Deescalation.Candidate candidate(Hold hold) {
    return new Deescalation.Candidate(hold, allNo(), Optional.empty(), SOON);
  }

  private Optional<String> rule(String name, Deescalation.Candidate c) {
    return deescalation.rules().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no rule " + name)).refusal().apply(c);
  }

  @Test
  void everyRuleLetsAnAllNoElevatedHoldBeShortened() {
    for (Deescalation.Rule r : deescalation.rules()) {
      assertThat(r.refusal().apply(candidate(elevated()))).as(r.name()).isEmpty();
    }
    assertThat(deescalation.rules()).hasSize(9);
  }

  @Test
  void aYesRefuses() {
    Map<String, Boolean> answers = allNo();
    answers.put("promised_a_return", true);
    Deescalation.Candidate c = new Deescalation.Candidate(elevated(), answers, Optional.empty(), SOON);
    assertThat(rule("no_answer_was_yes", c)).hasValueSatisfying(
        why -> assertThat(why).contains("an answer was yes").contains("promised_a_return"));
    assertThat(rule("no_answer_was_yes", candidate(elevated()))).isEmpty();
  }

  @Test
  void aPartialAnswerSetRefuses() {
    Map<String, Boolean> answers = allNo();
    answers.remove("contacted_by_support_or_authority");
    Deescalation.Candidate c = new Deescalation.Candidate(elevated(), answers, Optional.empty(), SOON);
    assertThat(rule("every_question_answered", c)).hasValueSatisfying(
        why -> assertThat(why).contains("contacted_by_support_or_authority"));
    assertThat(rule("every_question_answered", candidate(elevated()))).isEmpty();
  }

  @Test
  void aHoldUnderInvestigationOrEndedRefuses() {
    Hold investigated = changed(elevated(), new HoldCommand.Escalate("analyst", SOON, "report",
        null));
    assertThat(rule("held_not_investigated", candidate(investigated))).hasValueSatisfying(
        why -> assertThat(why).contains("under investigation"));
    Hold returned = changed(elevated(), new HoldCommand.Cancel("a-1", SOON));
    assertThat(rule("held_not_investigated", candidate(returned))).hasValueSatisfying(
        why -> assertThat(why).contains("already ended"));
    assertThat(rule("held_not_investigated", candidate(elevated()))).isEmpty();
  }

  @Test
  void aVulnerableSenderRefuses() {
    Hold.Held vulnerable = POLICY.place("h-2", "t-2", "a-2", "a:r-1", AMOUNT, 0.5, true,
        List.of("X"), T0);
    assertThat(rule("sender_not_vulnerable", candidate(vulnerable))).hasValueSatisfying(
        why -> assertThat(why).contains("vulnerable"));
    assertThat(rule("sender_not_vulnerable", candidate(elevated()))).isEmpty();
  }

  @Test
  void everyTierAboveTheLowestRefuses() {
    Hold.Held high = POLICY.place("h-3", "t-3", "a-3", "a:r-1", AMOUNT, 0.9, false,
        List.of("X"), T0);
    Hold.Held severe = POLICY.place("h-3", "t-3", "a-3", "a:r-1", AMOUNT, 0.99, false,
        List.of("X"), T0);
    assertThat(rule("the_lowest_tier", candidate(high))).hasValueSatisfying(
        why -> assertThat(why).contains("HIGH risk tier").contains("only the lowest (ELEVATED)"));
    assertThat(rule("the_lowest_tier", candidate(severe))).hasValueSatisfying(
        why -> assertThat(why).contains("SEVERE risk tier"));
    assertThat(rule("the_lowest_tier", candidate(elevated()))).isEmpty();
  }

  @Test
  void aHoldPlacedAfterASecurityChangeRefuses() {
    Hold.Held takeover = POLICY.place("h-4", "t-4", "a-4", "a:r-1", AMOUNT, 0.5, false,
        List.of("RISK_MODEL", "NEW_ADDRESS_AFTER_PASSWORD_RESET"), T0);
    assertThat(rule("not_after_a_security_change", candidate(takeover))).hasValueSatisfying(
        why -> assertThat(why).contains("NEW_ADDRESS_AFTER_PASSWORD_RESET")
            .contains("may not be the account holder's own"));
    assertThat(deescalation.decide(candidate(takeover)))
        .isInstanceOf(Deescalation.Verdict.Keep.class);
    assertThat(rule("not_after_a_security_change", candidate(elevated()))).isEmpty();
  }

  @Test
  void aRecipientWithAnOpenFindingRefuses() {
    Deescalation.Candidate c = new Deescalation.Candidate(elevated(), allNo(),
        Optional.of("recipient was reported as a scammer by 1 reporter(s)"), SOON);
    assertThat(rule("recipient_without_findings", c)).hasValueSatisfying(
        why -> assertThat(why).contains("reported as a scammer"));
    assertThat(rule("recipient_without_findings", candidate(elevated()))).isEmpty();
  }

  @Test
  void answersAfterTheFloorWouldReleaseOnTheSpotAndRefuse() {
    Deescalation.Candidate late = new Deescalation.Candidate(elevated(), allNo(), Optional.empty(),
        T0.plus(Duration.ofHours(1)));
    assertThat(rule("not_on_the_spot", late)).hasValueSatisfying(
        why -> assertThat(why).contains("on the spot"));
    assertThat(rule("not_on_the_spot", candidate(elevated()))).isEmpty();
  }

  @Test
  void aHoldNoLongerThanTheFloorRefuses() {
    // A policy whose elevated holds last an hour, the floor already: shortening would not shorten.
    HoldPolicy hourLong = new HoldPolicy(Map.of(RiskTier.ELEVATED, Duration.ofHours(1),
        RiskTier.HIGH, Duration.ofHours(24), RiskTier.SEVERE, Duration.ofHours(72)),
        POLICY.legalLimit(), POLICY.extendBy(), POLICY.deescalatedHold(), POLICY.recheckEvery(),
        POLICY.highScore(), POLICY.severeScore(), POLICY.unknownRecipient());
    Hold.Held hour = hourLong.place("h-4", "t-4", "a-4", "a:r-1", AMOUNT, 0.5, false,
        List.of("X"), T0);
    assertThat(rule("shortens_the_deadline", candidate(hour))).hasValueSatisfying(
        why -> assertThat(why).contains("no later than"));
    assertThat(rule("shortens_the_deadline", candidate(elevated()))).isEmpty();
  }

  @Test
  void allNoOnAnElevatedHoldShortensItToTheFloor() {
    Deescalation.Verdict verdict = deescalation.decide(candidate(elevated()));
    assertThat(verdict).isInstanceOf(Deescalation.Verdict.Shorten.class);
    Deescalation.Verdict.Shorten shorten = (Deescalation.Verdict.Shorten) verdict;
    assertThat(shorten.releaseAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(shorten.why()).contains("promised_a_return=no");
    Hold after = changed(elevated(), new HoldCommand.Shorten("questionnaire", SOON,
        shorten.releaseAt(), shorten.why()));
    assertThat(((Hold.Held) after).releaseAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
  }

  @Test
  void anythingElseKeepsTheDeadlineAndSaysWhyFirst() {
    Hold.Held vulnerable = POLICY.place("h-5", "t-5", "a-5", "a:r-1", AMOUNT, 0.5, true,
        List.of("X"), T0);
    Deescalation.Verdict verdict = deescalation.decide(candidate(vulnerable));
    assertThat(verdict).isInstanceOf(Deescalation.Verdict.Keep.class);
    assertThat(((Deescalation.Verdict.Keep) verdict).first()).contains("vulnerable");
    Map<String, Boolean> partial = Map.of("promised_a_return", false);
    Deescalation.Verdict partly = deescalation.decide(new Deescalation.Candidate(elevated(),
        partial, Optional.empty(), SOON));
    assertThat(((Deescalation.Verdict.Keep) partly).first()).contains("not every question");
  }

  private static Hold changed(Hold hold, HoldCommand command) {
    HoldOutcome outcome = hold.handle(command);
    assertThat(outcome).isInstanceOf(HoldOutcome.Changed.class);
    return ((HoldOutcome.Changed) outcome).next();
  }
}
