package io.holdfast.core.ladder;

import io.holdfast.core.hold.Hold;
import io.holdfast.core.hold.HoldTerms;
import io.holdfast.core.hold.RiskTier;
import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether the sender's answers may shorten their hold. Answers escalate (a "yes" matches a scam
 * script) or de-escalate: a sender who answered every question "no" is less likely to be
 * coached by a scammer, so their hold may end sooner, at {@code createdAt + floor}. It is never
 * lengthened this way, never released on the spot, and each named rule below may refuse and
 * says why; the hold is shortened only when none does. Scammers coach victims to lie, so the
 * rules keep the full hold wherever something other than the answers points to a scam.
 */
public final class Deescalation {
  /**
   * The reasons of screening rules that fire on a recent security change (a password reset, a
   * new device, a 2FA or contact change). A test keeps this list in step with the default rules.
   */
  public static final Set<String> SECURITY_CHANGE_REASONS = Set.of(
      "NEW_ADDRESS_AFTER_PASSWORD_RESET", "NEW_RECIPIENT_AFTER_2FA_CHANGE",
      "NEW_RECIPIENT_AFTER_NEW_DEVICE", "NEW_RECIPIENT_AFTER_CONTACT_CHANGE",
      "RAPID_PAYMENTS_AFTER_SECURITY_CHANGE", "ADDRESS_PAYMENT_AFTER_SECURITY_CHANGE");

  /**
   * What the rules look at.
   *
   * @param hold the hold as it is now
   * @param answers every answer the sender has given for this hold, by question id
   * @param recipientFinding the investigation's open finding about the recipient right now
   *     (scam reports, intel lists, other senders held, a collection or mule pattern), if any
   * @param now when the answers were given
   */
  public record Candidate(Hold hold, Map<String, Boolean> answers,
      Optional<String> recipientFinding, Instant now) {
    public Candidate {
      Invariants.check(hold != null && answers != null && recipientFinding != null && now != null,
          "a de-escalation candidate is complete");
      answers = Map.copyOf(answers);
    }
  }

  /** A named rule: empty when it lets the hold be shortened, else the reason it does not. */
  public record Rule(String name, Function<Candidate, Optional<String>> refusal) {}

  /** What the answers do to the hold's deadline. */
  public sealed interface Verdict {
    /** Shorten the hold to {@code releaseAt}, for the reason {@code why}. */
    record Shorten(Instant releaseAt, String why) implements Verdict {}

    /** Keep the deadline; {@code reasons} are every rule's refusal, in rule order. */
    record Keep(List<String> reasons) implements Verdict {
      public Keep {
        Invariants.check(!reasons.isEmpty(), "a kept deadline has a reason");
        reasons = List.copyOf(reasons);
      }

      public String first() {
        return reasons.get(0);
      }
    }
  }

  private final Duration floor;
  private final List<Rule> rules;

  /** {@code floor}: how long a de-escalated hold lasts at least, from when it was placed. */
  public Deescalation(Duration floor) {
    Invariants.check(floor != null && !floor.isNegative() && !floor.isZero(),
        "the de-escalated hold length must be positive");
    this.floor = floor;
    this.rules = List.of(
        new Rule("no_answer_was_yes", Deescalation::noAnswerWasYes),
        new Rule("every_question_answered", Deescalation::everyQuestionAnswered),
        new Rule("held_not_investigated", Deescalation::heldNotInvestigated),
        new Rule("sender_not_vulnerable", Deescalation::senderNotVulnerable),
        new Rule("the_lowest_tier", Deescalation::theLowestTier),
        new Rule("not_after_a_security_change", Deescalation::notAfterASecurityChange),
        new Rule("recipient_without_findings", Deescalation::recipientWithoutFindings),
        new Rule("not_on_the_spot", this::notOnTheSpot),
        new Rule("shortens_the_deadline", this::shortensTheDeadline));
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The earliest a hold may end once de-escalated: its placement plus the floor. */
  public Instant floorOf(HoldTerms terms) {
    return terms.createdAt().plus(floor);
  }

  /** Runs every rule; shortens to the floor when none refuses. */
  public Verdict decide(Candidate c) {
    List<String> reasons = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      rule.refusal().apply(c).ifPresent(reasons::add);
    }
    if (!reasons.isEmpty()) {
      return new Verdict.Keep(reasons);
    }
    Instant releaseAt = floorOf(c.hold().terms());
    Invariants.check(releaseAt.isAfter(c.now()), "a de-escalated hold never ends on the spot");
    return new Verdict.Shorten(releaseAt, "every question answered no ("
        + answerList(c.answers()) + ")");
  }

  static Optional<String> noAnswerWasYes(Candidate c) {
    List<String> yes = Questionnaire.QUESTIONS.stream().map(Questionnaire.Question::id)
        .filter(id -> Boolean.TRUE.equals(c.answers().get(id))).toList();
    return yes.isEmpty() ? Optional.empty()
        : Optional.of("an answer was yes: " + String.join(", ", yes));
  }

  static Optional<String> everyQuestionAnswered(Candidate c) {
    List<String> missing = Questionnaire.QUESTIONS.stream().map(Questionnaire.Question::id)
        .filter(id -> !c.answers().containsKey(id)).toList();
    return missing.isEmpty() ? Optional.empty()
        : Optional.of("not every question was answered: " + String.join(", ", missing)
            + " still open");
  }

  static Optional<String> heldNotInvestigated(Candidate c) {
    if (c.hold() instanceof Hold.Held) {
      return Optional.empty();
    }
    return Optional.of(c.hold() instanceof Hold.UnderInvestigation
        ? "the hold is under investigation, so its finding decides when it ends"
        : "the hold has already ended");
  }

  static Optional<String> senderNotVulnerable(Candidate c) {
    return c.hold().terms().senderVulnerable()
        ? Optional.of("the sender is vulnerable, so the full hold stands whatever the answers")
        : Optional.empty();
  }

  /**
   * Only a hold of the lowest tier may be shortened. A higher tier means screening's own
   * evidence was strong, and a victim coached by a scammer answers every question "no": in the
   * demo's world, where half the victims who answer lie, shortening high-tier holds released
   * most of the scam money they held within the hour.
   */
  static Optional<String> theLowestTier(Candidate c) {
    RiskTier tier = c.hold().terms().tier();
    return tier.lowest() ? Optional.empty()
        : Optional.of("the hold is in the " + tier + " risk tier; answers shorten only the"
            + " lowest (" + RiskTier.ELEVATED + ")");
  }

  /**
   * A hold placed because of a recent security change keeps its deadline: whoever changed the
   * security settings may be the one answering (a takeover), or the sender may be following a
   * fake support agent's script. In the demo's world, answers shortened three impersonation
   * holds of USD 2,700 to 5,600 to one hour each, and the money went.
   */
  static Optional<String> notAfterASecurityChange(Candidate c) {
    List<String> codes = c.hold().terms().reasonCodes().stream()
        .filter(SECURITY_CHANGE_REASONS::contains).toList();
    return codes.isEmpty() ? Optional.empty()
        : Optional.of("the hold follows a recent security change (" + String.join(", ", codes)
            + "), so the answers may not be the account holder's own");
  }

  static Optional<String> recipientWithoutFindings(Candidate c) {
    return c.recipientFinding().map(f -> "the recipient has an open finding: " + f);
  }

  /** Answers given after the floor would release at once; the hold then keeps its deadline. */
  private Optional<String> notOnTheSpot(Candidate c) {
    Instant floorAt = floorOf(c.hold().terms());
    return floorAt.isAfter(c.now()) ? Optional.empty()
        : Optional.of("the hold has already lasted the de-escalated length (" + floor
            + "); shortening it now would release it on the spot");
  }

  private Optional<String> shortensTheDeadline(Candidate c) {
    if (!(c.hold() instanceof Hold.Held held)) {
      return Optional.empty();
    }
    Instant floorAt = floorOf(held.terms());
    return floorAt.isBefore(held.releaseAt()) ? Optional.empty()
        : Optional.of("the hold already ends at " + held.releaseAt() + ", no later than the"
            + " de-escalated deadline " + floorAt);
  }

  private static String answerList(Map<String, Boolean> answers) {
    List<String> parts = new ArrayList<>();
    for (Questionnaire.Question q : Questionnaire.QUESTIONS) {
      Boolean a = answers.get(q.id());
      parts.add(q.id() + "=" + (a == null ? "unanswered" : a ? "yes" : "no"));
    }
    return String.join(", ", parts);
  }
}
