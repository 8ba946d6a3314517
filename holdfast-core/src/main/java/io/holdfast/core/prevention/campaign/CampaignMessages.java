package io.holdfast.core.prevention.campaign;

import io.holdfast.core.ladder.ScamType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A campaign's messages, one per scam type and language. Each account gets the message for the
 * scam its latest daily assessment resembles when the campaign has one, else the one for the
 * campaign's own scam type; in the account's language when written, else in English, which
 * every campaign has for its own scam type.
 */
public record CampaignMessages(ScamType scamType, List<Message> messages) {
  public static final int MESSAGES_MAX = 50;
  public static final int TITLE_MAX = 300;
  public static final int BODY_MAX = 4000;

  public record Message(ScamType scamType, String language, String title, String body) {
    public Message {
      InvalidCampaign.require(scamType != null, "messages.scam_type", "scam_type is required");
      InvalidCampaign.require(language != null && language.matches("[a-z]{2}"),
          "messages.language", "language is a two-letter code such as en");
      InvalidCampaign.require(title != null && !title.isBlank() && title.length() <= TITLE_MAX,
          "messages.title", "title is 1 to " + TITLE_MAX + " characters");
      InvalidCampaign.require(body != null && !body.isBlank() && body.length() <= BODY_MAX,
          "messages.body", "body is 1 to " + BODY_MAX + " characters");
    }
  }

  public CampaignMessages {
    InvalidCampaign.require(scamType != null, "scam_type", "scam_type is required");
    InvalidCampaign.require(messages != null && !messages.isEmpty()
        && messages.size() <= MESSAGES_MAX, "messages", "1 to " + MESSAGES_MAX + " messages");
    messages = List.copyOf(messages);
    Set<String> keys = new HashSet<>();
    for (Message m : messages) {
      InvalidCampaign.require(keys.add(m.scamType() + "/" + m.language()), "messages",
          "one message per scam type and language");
    }
    InvalidCampaign.require(keys.contains(scamType + "/en"), "messages",
        "an English message for the campaign's scam type is required");
  }

  /**
   * The message for an account whose assessment resembles {@code resembles} (null when none),
   * in this order: that scam in the language, that scam in English, the campaign's scam in the
   * language, the campaign's scam in English.
   */
  public Message pick(ScamType resembles, String language) {
    ScamType first = resembles == null ? scamType : resembles;
    return find(first, language).or(() -> find(first, "en"))
        .or(() -> find(scamType, language))
        .orElseGet(() -> find(scamType, "en").orElseThrow());
  }

  private Optional<Message> find(ScamType type, String language) {
    return messages.stream().filter(m -> m.scamType() == type && m.language().equals(language))
        .findFirst();
  }
}
