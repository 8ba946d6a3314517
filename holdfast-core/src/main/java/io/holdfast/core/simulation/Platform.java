package io.holdfast.core.simulation;

import java.time.Instant;
import java.util.List;

/**
 * The system the simulated world runs against: a platform with Holdfast in front of its
 * payments. The demo implements it over Holdfast's real HTTP API; every method is called in
 * virtual-time order from one thread.
 */
public interface Platform {
  /** What screening answered. {@code holdId} is set for HOLD. */
  record Screened(String outcome, String holdId) {}

  /** How a hold ended, or ACTIVE while it lasts. */
  enum HoldFate {
    ACTIVE,
    RELEASED,
    RETURNED
  }

  /** Registers the accounts that exist when the world starts. */
  void register(List<SimAccount> accounts, Instant now);

  /** Moves virtual time to {@code at}. */
  void advanceTo(Instant at);

  /**
   * Lets the platform and Holdfast do what fell due by now (sweeps, ladder, instructions).
   * The defaults below are a platform with no safety net: nothing is ever due, held or moved
   * by anyone but the sender, which is what the data-writing platforms need.
   */
  default void tick() { }

  void accountEvent(String eventId, String accountId, String type, Instant at, String deviceId,
      long amountMinor);

  Screened screen(SimTransfer transfer);

  /** The platform moves the money of a transfer that went ahead without a hold. */
  default void settle(SimTransfer transfer) { }

  default void cancel(String holdId, String sender) { }

  default void answer(String holdId, String sender, boolean admitsScript) { }

  /** A victim reports a scam; returns whether the report froze the recipient. */
  boolean report(String reporter, List<String> transferIds, ScamKind kind, String narrative);

  /** A false report against an honest account from someone who never paid it. */
  boolean falseReport(String reporter, String target, String narrative);

  /** The platform's analysts work their queue. */
  default void analystReview(Instant at) { }

  default HoldFate holdFate(String holdId) {
    return HoldFate.ACTIVE;
  }

  /** A call an agent should make about a held payment. */
  record CallTask(String taskId, String holdId, String accountId) {}

  /** The calls due now; a platform without agents has none. */
  default List<CallTask> openCalls() {
    return List.of();
  }

  /** An agent records what came of a call. */
  default void recordCall(String taskId, String outcome) { }

  /**
   * A message of the outreach guide, for the platform to put in a victim's inbox; {@code step}
   * names its place in the guide ("happened" is the first).
   */
  record OutreachMessage(String outreachId, String messageId, String victimAccount,
      String step) {}

  /** Outreach messages not handed to the world before; a platform without outreach has none. */
  default List<OutreachMessage> newOutreachMessages() {
    return List.of();
  }

  /** The victim read a message. */
  default void outreachRead(OutreachMessage message) { }

  /** The victim replies: confirm_loss or decline. */
  default void outreachReply(OutreachMessage message, String intent) { }

  /** The platform's daily prevention work (risk assessments, campaigns) for a day. */
  default void dailyPrevention(Instant dayStart) { }

  /**
   * A proactive alert (a risk assessment or a campaign warning) for a user's inbox. The world
   * orders alerts by account, source and title, which it can reproduce; message ids may contain
   * ids the platform made up.
   */
  record Alert(String messageId, String accountId, String source, String title) {}

  /** Alerts not handed to the world before; a platform without prevention has none. */
  default List<Alert> newAlerts() {
    return List.of();
  }

  /** The user opened an alert. */
  default void alertRead(Alert alert) { }
}
