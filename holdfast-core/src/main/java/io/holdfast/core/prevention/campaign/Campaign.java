package io.holdfast.core.prevention.campaign;

import io.holdfast.core.prevention.campaign.CampaignOutcome.Accepted;
import io.holdfast.core.prevention.campaign.CampaignOutcome.Reason;
import io.holdfast.core.prevention.campaign.CampaignOutcome.Rejected;
import io.holdfast.core.support.Invariants;
import java.time.Instant;

/**
 * A warning campaign as one of its states. {@link Draft} (an analyst's) and {@link Proposed}
 * (the surge detector's) wait for activation, which takes a second person who did not create
 * it, even when the creator is a supervisor: a person never approves their own request,
 * whatever their roles, so no one person can message thousands of customers alone. {@link Active}
 * sends on its schedule; {@link Paused} does not, and can be activated again (by the same
 * rule). {@link Ended} and {@link Cancelled} are terminal.
 */
public sealed interface Campaign {
  CampaignTerms terms();

  int version();

  default String campaignId() {
    return terms().campaignId();
  }

  default CampaignOutcome handle(CampaignCommand command) {
    return Transitions.handle(this, command);
  }

  /** Who activated it and when; kept through pauses for the record. */
  record Activation(String by, Instant at) {}

  record Draft(CampaignTerms terms, int version) implements Campaign {}

  record Proposed(CampaignTerms terms, int version) implements Campaign {
    public Proposed {
      Invariants.check(terms.reason() != null, "a proposal says why");
    }
  }

  record Active(CampaignTerms terms, Activation activation, int version) implements Campaign {}

  record Paused(CampaignTerms terms, Activation activation, String pausedBy, Instant pausedAt,
      int version) implements Campaign {}

  /** Ended: {@code activation} is null when it never ran. */
  record Ended(CampaignTerms terms, Activation activation, String endedBy, Instant endedAt,
      int version) implements Campaign {}

  record Cancelled(CampaignTerms terms, String cancelledBy, Instant cancelledAt, String note,
      int version) implements Campaign {}

  /** The state machine, one place for every state against every command. */
  final class Transitions {
    private Transitions() {}

    static CampaignOutcome handle(Campaign c, CampaignCommand cmd) {
      if (c instanceof Ended || c instanceof Cancelled) {
        return new Rejected(Reason.ALREADY_ENDED, "campaign " + c.campaignId()
            + " already " + (c instanceof Ended ? "ended" : "was dismissed"));
      }
      int v = c.version() + 1;
      if (cmd instanceof CampaignCommand.Activate a) {
        return activate(c, a, v);
      }
      if (cmd instanceof CampaignCommand.Pause p) {
        return c instanceof Active act
            ? new Accepted(new Paused(c.terms(), act.activation(), p.by(), p.at(), v))
            : notAllowed(c, "only an active campaign can be paused");
      }
      if (cmd instanceof CampaignCommand.End e) {
        return c instanceof Active || c instanceof Paused
            ? new Accepted(new Ended(c.terms(), activation(c), e.by(), e.at(), v))
            : notAllowed(c, "a campaign that never ran is dismissed, not ended");
      }
      CampaignCommand.Dismiss d = (CampaignCommand.Dismiss) cmd;
      return c instanceof Draft || c instanceof Proposed
          ? new Accepted(new Cancelled(c.terms(), d.by(), d.at(), d.note(), v))
          : notAllowed(c, "only a draft or a proposal can be dismissed; end it instead");
    }

    private static CampaignOutcome activate(Campaign c, CampaignCommand.Activate a, int v) {
      if (c instanceof Active) {
        return notAllowed(c, "the campaign is active already");
      }
      if (a.by().equals(c.terms().createdBy())) {
        return new Rejected(Reason.SAME_PERSON, "someone other than its creator "
            + c.terms().createdBy() + " must activate campaign " + c.campaignId()
            + ", whatever the creator's roles");
      }
      if (c.terms().schedule().over(a.at())) {
        return notAllowed(c, "the campaign's window ended at " + c.terms().schedule().endsAt());
      }
      return new Accepted(new Active(c.terms(), new Activation(a.by(), a.at()), v));
    }

    private static Activation activation(Campaign c) {
      return c instanceof Active a ? a.activation() : ((Paused) c).activation();
    }

    private static CampaignOutcome notAllowed(Campaign c, String why) {
      return new Rejected(Reason.NOT_ALLOWED, "campaign " + c.campaignId() + ": " + why);
    }
  }
}
