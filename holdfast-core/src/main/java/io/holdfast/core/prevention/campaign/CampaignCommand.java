package io.holdfast.core.prevention.campaign;

import java.time.Instant;

/** What people (and the schedule) can do to a campaign. */
public sealed interface CampaignCommand {
  String by();

  Instant at();

  /** Start sending: by anyone but the campaign's creator, whatever their roles. */
  record Activate(String by, Instant at) implements CampaignCommand {}

  record Pause(String by, Instant at, String note) implements CampaignCommand {}

  /** Stop for good: by a person, or by the schedule when its window is over. */
  record End(String by, Instant at, String note) implements CampaignCommand {}

  /** Turn down a proposal or a draft, which never sent anything. */
  record Dismiss(String by, Instant at, String note) implements CampaignCommand {}
}
