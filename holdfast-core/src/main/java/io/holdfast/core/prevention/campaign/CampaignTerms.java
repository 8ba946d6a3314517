package io.holdfast.core.prevention.campaign;

import java.time.Instant;

/**
 * What a campaign is, fixed when it is created: who it is for, what it says, where and when it
 * is sent, and how often one customer may get it. {@code channel} is the name of the channel
 * (IN_APP, PUSH, EMAIL or SMS); {@code reason} says why it was proposed, for the surge
 * detector's proposals, else null.
 */
public record CampaignTerms(String campaignId, String name, String channel, Segment segment,
    CampaignMessages messages, Schedule schedule, int capPerUser, int holdoutBasisPoints,
    String createdBy, Instant createdAt, String reason) {
  public static final int CAP_PER_USER_MAX = 100;
  public static final int HOLDOUT_BASIS_POINTS_MAX = 5_000;

  public CampaignTerms {
    InvalidCampaign.require(name != null && !name.isBlank() && name.length() <= 200, "name",
        "name is 1 to 200 characters");
    InvalidCampaign.require(segment != null, "segment", "segment is required");
    InvalidCampaign.require(capPerUser >= 1 && capPerUser <= CAP_PER_USER_MAX, "cap_per_user",
        "cap_per_user is 1 to " + CAP_PER_USER_MAX);
    InvalidCampaign.require(holdoutBasisPoints >= 0
        && holdoutBasisPoints <= HOLDOUT_BASIS_POINTS_MAX, "holdout_percent",
        "the holdout is 0 to 50 percent");
  }
}
