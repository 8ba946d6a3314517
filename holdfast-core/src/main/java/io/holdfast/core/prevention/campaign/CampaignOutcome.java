package io.holdfast.core.prevention.campaign;

/** The result of a command: the campaign's next state, or why not. */
public sealed interface CampaignOutcome {
  record Accepted(Campaign next) implements CampaignOutcome {}

  record Rejected(Reason reason, String explanation) implements CampaignOutcome {}

  enum Reason {
    /** Ended or cancelled: a campaign ends once. */
    ALREADY_ENDED,
    /** The creator, without the supervisor role, tried to activate their own campaign. */
    SAME_PERSON,
    /** Not in this state (pausing a draft, dismissing an active campaign, ...). */
    NOT_ALLOWED
  }
}
