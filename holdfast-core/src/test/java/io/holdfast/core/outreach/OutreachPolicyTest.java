package io.holdfast.core.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutreachPolicyTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  final OutreachPolicy policy = OutreachPolicy.defaults();
  final OutreachTerms terms = new OutreachTerms("out_1", "case_1", "victim", "INVESTMENT", "en",
      T0);

  OutreachOutcome.Changed apply(Outreach o, OutreachCommand c) {
    OutreachOutcome outcome = o.handle(c, policy);
    assertThat(outcome).isInstanceOf(OutreachOutcome.Changed.class);
    return (OutreachOutcome.Changed) outcome;
  }

  @Test
  void theGuideGoesOneMessageAtATimeAsTheVictimReads() {
    OutreachOutcome.Changed opened = policy.open(terms);
    assertThat(opened.send()).containsExactly(OutreachStep.HAPPENED);
    assertThat(opened.next().nextAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    Outreach o = opened.next();
    for (OutreachStep expected : List.of(OutreachStep.FROZEN, OutreachStep.CLAIM,
        OutreachStep.PROTECT, OutreachStep.SUPPORT)) {
      OutreachOutcome.Changed c = apply(o, new OutreachCommand.Shown(T0.plusSeconds(60)));
      assertThat(c.send()).containsExactly(expected);
      assertThat(c.next()).isInstanceOf(Outreach.Read.class);
      o = c.next();
    }
    OutreachOutcome.Changed last = apply(o, new OutreachCommand.Shown(T0.plusSeconds(90)));
    assertThat(last.send()).isEmpty();
    assertThat(last.next().version()).isEqualTo(o.version() + 1);
  }

  @Test
  void anUnreadConversationIsRemindedTwiceThenUnreachableAndAReplyRevivesIt() {
    Outreach o = policy.open(terms).next();
    OutreachOutcome early = o.handle(new OutreachCommand.Remind(T0.plus(Duration.ofDays(2))),
        policy);
    assertThat(early).isInstanceOf(OutreachOutcome.Rejected.class);
    Instant at = o.nextAt();
    OutreachOutcome.Changed first = apply(o, new OutreachCommand.Remind(at));
    assertThat(first.send()).containsExactly(OutreachStep.REMINDER);
    assertThat(first.next().nextAt()).isEqualTo(at.plus(Duration.ofDays(4)));
    OutreachOutcome.Changed second = apply(first.next(),
        new OutreachCommand.Remind(first.next().nextAt()));
    assertThat(second.send()).containsExactly(OutreachStep.REMINDER);
    OutreachOutcome.Changed gaveUp = apply(second.next(),
        new OutreachCommand.Remind(second.next().nextAt()));
    assertThat(gaveUp.next()).isInstanceOf(Outreach.Unreachable.class);
    assertThat(gaveUp.next().nextAt()).isNull();
    assertThat(gaveUp.send()).isEmpty();
    OutreachOutcome.Changed revived = apply(gaveUp.next(), new OutreachCommand.Reply(
        T0.plus(Duration.ofDays(30)), ReplyIntent.MESSAGE));
    assertThat(revived.next()).isInstanceOf(Outreach.Replied.class);
    assertThat(revived.send()).containsExactly(OutreachStep.FROZEN);
  }

  @Test
  void confirmingTheLossFilesTheClaimAndRepaymentClosesIt() {
    Outreach o = policy.open(terms).next();
    OutreachOutcome.Changed filed = apply(o, new OutreachCommand.Reply(T0.plusSeconds(5),
        ReplyIntent.CONFIRM_LOSS));
    assertThat(filed.next()).isInstanceOf(Outreach.ClaimFiled.class);
    assertThat(filed.send()).containsExactly(OutreachStep.RECEIVED);
    assertThat(filed.next().nextAt()).isNull();
    assertThat(filed.next().handle(new OutreachCommand.Reply(T0.plusSeconds(6),
        ReplyIntent.CONFIRM_LOSS), policy)).isInstanceOf(OutreachOutcome.Rejected.class);
    OutreachOutcome.Changed repaid = apply(filed.next(), new OutreachCommand.Repay(
        T0.plusSeconds(60)));
    assertThat(repaid.next()).isInstanceOf(Outreach.Repaid.class);
    assertThat(repaid.next().stateName()).isEqualTo("REPAID");
    assertThat(repaid.next().handle(new OutreachCommand.Shown(T0), policy))
        .isInstanceOfSatisfying(OutreachOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(OutreachOutcome.Reason.CLOSED));
  }

  @Test
  void declineClosesAndRepayNeedsAFiledClaim() {
    Outreach o = policy.open(terms).next();
    assertThat(o.handle(new OutreachCommand.Repay(T0), policy))
        .isInstanceOf(OutreachOutcome.Rejected.class);
    OutreachOutcome.Changed declined = apply(o, new OutreachCommand.Reply(T0.plusSeconds(5),
        ReplyIntent.DECLINE));
    assertThat(declined.next().stateName()).isEqualTo("DECLINED");
    assertThat(declined.send()).containsExactly(OutreachStep.DECLINED);
  }

  @Test
  void aReadConversationIsNudgedThenLeftAlone() {
    Outreach o = apply(policy.open(terms).next(), new OutreachCommand.Shown(T0)).next();
    assertThat(o.nextAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    Outreach nudged = apply(o, new OutreachCommand.Remind(o.nextAt())).next();
    Outreach last = apply(nudged, new OutreachCommand.Remind(nudged.nextAt())).next();
    assertThat(last).isInstanceOf(Outreach.Read.class);
    assertThat(last.nextAt()).isNull();
    assertThat(last.stateName()).isEqualTo("READ");
  }
}
