package io.holdfast.core.prevention;

import io.holdfast.core.support.Invariants;
import java.time.Duration;
import java.time.Instant;

/**
 * What an assessment leads to. A score at or above {@code recordScore} is kept for analysts; at
 * or above {@code messageScore} the customer gets a personal risk assessment, unless they had
 * one within {@code messageCooldown} or opted out of the channel; at or above
 * {@code taskScore} an agent is asked to call, unless a task for the account is already open.
 * A call is a duty of care, so opting out of alerts does not cancel it.
 */
public record AssessmentPolicy(double recordScore, double messageScore, double taskScore,
    Duration messageCooldown, Duration window) {

  public AssessmentPolicy {
    Invariants.check(0 < recordScore && recordScore <= messageScore
        && messageScore <= taskScore && taskScore < 1, "thresholds out of order");
    Invariants.check(!messageCooldown.isNegative(), "negative cool-down");
    Invariants.check(window.toDays() >= 1 && window.toDays() <= 90, "window is 1 to 90 days");
  }

  /**
   * Record from 0.20, message from 0.50 (two clear signs, or one strong sign on a vulnerable
   * customer), call from 0.80; one message a week; 30 days of history.
   */
  public static AssessmentPolicy defaults() {
    return new AssessmentPolicy(0.20, 0.50, 0.80, Duration.ofDays(7), Duration.ofDays(30));
  }

  /** Why a message that the score warranted was not sent. */
  public enum Suppressed {
    NONE,
    COOLING_DOWN,
    OPTED_OUT
  }

  public record Decision(boolean record, boolean message, Suppressed suppressed, boolean task) {
    public Decision {
      Invariants.check(!message || record, "a message is only sent for a recorded assessment");
      Invariants.check(!task || record, "a task is only opened for a recorded assessment");
      Invariants.check(!message || suppressed == Suppressed.NONE, "sent and suppressed at once");
    }
  }

  /**
   * @param lastMessageAt when the customer last got a risk assessment message, or null
   * @param optedOut the customer opted out of the channel assessments use
   * @param taskOpen an intervention task for the account is open already
   */
  public Decision decide(Assessment a, Instant now, Instant lastMessageAt, boolean optedOut,
      boolean taskOpen) {
    boolean record = a.score() >= recordScore;
    boolean warranted = a.score() >= messageScore;
    Suppressed suppressed = !warranted ? Suppressed.NONE
        : optedOut ? Suppressed.OPTED_OUT
        : lastMessageAt != null && lastMessageAt.plus(messageCooldown).isAfter(now)
            ? Suppressed.COOLING_DOWN : Suppressed.NONE;
    boolean message = warranted && suppressed == Suppressed.NONE;
    boolean task = a.score() >= taskScore && !taskOpen;
    return new Decision(record, message, suppressed, task);
  }
}
