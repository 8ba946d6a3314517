package io.holdfast.core.freeze;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreezeTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private final FreezeTerms terms = new FreezeTerms("frz_1", "case_1", "a:mule-1", "mule-1",
      FreezeBasis.VERDICT, "scam verdict", T0, "system");
  private final Freeze.Active precautionary = new Freeze.Active(terms, FreezeKind.PRECAUTIONARY,
      T0.plus(Duration.ofHours(72)), null, null, 1);

  @Test
  void aPrecautionaryFreezeExpiresOnlyAfterItsDeadline() {
    assertThat(precautionary.handle(new FreezeCommand.Expire("system", T0.plusSeconds(60))))
        .isInstanceOf(FreezeOutcome.Rejected.class);
    FreezeOutcome expired = precautionary.handle(
        new FreezeCommand.Expire("system", T0.plus(Duration.ofHours(72))));
    assertThat(((FreezeOutcome.Changed) expired).next()).isInstanceOf(Freeze.Expired.class);
  }

  @Test
  void aConfirmedFreezeNeverExpires() {
    Freeze confirmed = next(precautionary.handle(new FreezeCommand.Confirm("ana", T0, null)));
    assertThat(((Freeze.Active) confirmed).expiresAt()).isNull();
    assertThat(confirmed.handle(new FreezeCommand.Expire("system", T0.plus(Duration.ofDays(99)))))
        .isInstanceOf(FreezeOutcome.Rejected.class);
  }

  @Test
  void anUnfreezeNeedsTwoDifferentPeople() {
    Freeze asked = next(precautionary.handle(new FreezeCommand.RequestUnfreeze("ana", T0, "ok")));
    FreezeOutcome same = asked.handle(new FreezeCommand.ApproveUnfreeze("ana", T0));
    assertThat(((FreezeOutcome.Rejected) same).reason())
        .isEqualTo(FreezeOutcome.Reason.SAME_PERSON);
    Freeze lifted = next(asked.handle(new FreezeCommand.ApproveUnfreeze("bob", T0)));
    assertThat(lifted).isInstanceOf(Freeze.Lifted.class);
    assertThat(((Freeze.Lifted) lifted).requestedBy()).isEqualTo("ana");
    assertThat(((Freeze.Lifted) lifted).approvedBy()).isEqualTo("bob");
  }

  @Test
  void approvingWithoutARequestIsRefused() {
    assertThat(precautionary.handle(new FreezeCommand.ApproveUnfreeze("bob", T0)))
        .isInstanceOf(FreezeOutcome.Rejected.class);
  }

  @Test
  void aFreezeEndsExactlyOnce() {
    Freeze asked = next(precautionary.handle(new FreezeCommand.RequestUnfreeze("ana", T0, "ok")));
    Freeze lifted = next(asked.handle(new FreezeCommand.ApproveUnfreeze("bob", T0)));
    FreezeOutcome again = lifted.handle(new FreezeCommand.Confirm("ana", T0, null));
    assertThat(((FreezeOutcome.Rejected) again).reason())
        .isEqualTo(FreezeOutcome.Reason.ALREADY_ENDED);
  }

  @Test
  void anAppealIsRecordedOnceAndKeepsTheFreeze() {
    Freeze appealed = next(precautionary.handle(
        new FreezeCommand.Appeal("user:mule-1", T0, "I sold a car, these are buyers")));
    assertThat(appealed).isInstanceOf(Freeze.Active.class);
    assertThat(((Freeze.Active) appealed).appeal().grounds()).contains("car");
    assertThat(appealed.handle(new FreezeCommand.Appeal("user:mule-1", T0, "again")))
        .isInstanceOf(FreezeOutcome.Rejected.class);
  }

  private static Freeze next(FreezeOutcome outcome) {
    assertThat(outcome).isInstanceOf(FreezeOutcome.Changed.class);
    return ((FreezeOutcome.Changed) outcome).next();
  }
}
