package io.holdfast.core.outreach;

/** What a victim's reply says, as the platform's chat or inbox button sends it. */
public enum ReplyIntent {
  /** "Yes, I lost this money": files the claim. */
  CONFIRM_LOSS,
  /** "This was not a scam" or "do not contact me": closes the conversation. */
  DECLINE,
  /** Any other message, kept for the analysts. */
  MESSAGE
}
