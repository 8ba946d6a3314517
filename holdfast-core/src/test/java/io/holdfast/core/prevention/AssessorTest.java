package io.holdfast.core.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.ladder.ScamType;
import io.holdfast.core.prevention.AccountActivity.Deposit;
import io.holdfast.core.prevention.AccountActivity.Payment;
import io.holdfast.core.prevention.AccountActivity.SecurityChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each exposure rule fires on its pattern and only then; traits only amplify. */
class AssessorTest {
  static final Instant END = Instant.parse("2026-11-25T00:00:00Z");
  static final Instant START = END.minus(Duration.ofDays(30));
  private final Assessor assessor = Assessor.defaults();

  static AccountActivity activity(boolean vulnerable, List<Payment> payments,
      List<Deposit> deposits, List<SecurityChange> changes, int ignored) {
    return new AccountActivity("u1", "GB", vulnerable, false, false, START, END, payments,
        deposits, changes, ignored);
  }

  static Instant daysBeforeEnd(double days) {
    return END.minusSeconds((long) (days * 86_400));
  }

  static Payment pay(double daysAgo, String to, long usdMinor) {
    return new Payment(daysBeforeEnd(daysAgo), to, to.startsWith("x:"), null, usdMinor, null);
  }

  @Test
  void quietAccountsScoreZeroEvenWhenVulnerable() {
    Assessment a = assessor.assess(activity(true, List.of(pay(2, "a:friend", 5_000)),
        List.of(), List.of(), 0));
    assertThat(a.score()).isZero();
    assertThat(a.findings()).isEmpty();
  }

  @Test
  void paymentsToFlaggedRecipientsAreTheStrongestSign() {
    Payment flagged = new Payment(daysBeforeEnd(3), "a:scammer", false, null, 20_000,
        ScamType.INVESTMENT);
    Assessment one = assessor.assess(activity(false, List.of(flagged), List.of(), List.of(), 0));
    assertThat(one.score()).isEqualTo(0.70, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(one.resembles()).isEqualTo(ScamType.INVESTMENT);
    assertThat(one.explanation()).contains("paid_flagged_recipient", "$200");
    Assessment two = assessor.assess(activity(false, List.of(flagged, flagged), List.of(),
        List.of(), 0));
    assertThat(two.score()).isEqualTo(0.85, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void vulnerabilityAmplifiesAFindingByNoisyOr() {
    Payment flagged = new Payment(daysBeforeEnd(3), "a:s", false, null, 100, ScamType.GENERAL);
    Assessment a = assessor.assess(activity(true, List.of(flagged), List.of(), List.of(), 0));
    assertThat(a.score()).isEqualTo(1 - 0.30 * 0.75, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.findings()).extracting(Finding::code)
        .containsExactly("paid_flagged_recipient", "vulnerable");
    assertThat(a.noticed()).doesNotContain("vulnerab");
  }

  @Test
  void aLargeDepositSentOnToANewAddressResemblesAnInvestmentScam() {
    List<Deposit> deposits = List.of(new Deposit(daysBeforeEnd(5), 300_000));
    Assessment sentOn = assessor.assess(activity(false,
        List.of(pay(4, "x:TRON:T1", 160_000)), deposits, List.of(), 0));
    assertThat(sentOn.findings()).extracting(Finding::code)
        .containsExactly("deposit_then_new_address");
    assertThat(sentOn.resembles()).isEqualTo(ScamType.INVESTMENT);
    Assessment mostlyKept = assessor.assess(activity(false,
        List.of(pay(4, "x:TRON:T1", 140_000)), deposits, List.of(), 0));
    assertThat(mostlyKept.score()).isZero();
    Assessment knownAddress = assessor.assess(activity(false,
        List.of(pay(25, "x:TRON:T1", 1_000), pay(4, "x:TRON:T1", 200_000)), deposits,
        List.of(), 0));
    assertThat(knownAddress.score()).as("an address paid weeks before is not new").isZero();
  }

  @Test
  void aSecurityChangeThenALargePaymentToSomeoneNewWithinTwoDays() {
    List<SecurityChange> reset = List.of(new SecurityChange(daysBeforeEnd(3), "PASSWORD_RESET"));
    assertThat(assessor.assess(activity(false, List.of(pay(2, "a:new", 60_000)), List.of(),
        reset, 0)).resembles()).isEqualTo(ScamType.IMPERSONATION);
    assertThat(assessor.assess(activity(false, List.of(pay(2, "a:new", 40_000)), List.of(),
        reset, 0)).score()).as("small payment").isZero();
    assertThat(assessor.assess(activity(false, List.of(pay(0.5, "a:new", 60_000)), List.of(),
        reset, 0)).score()).as("more than 48 h later").isZero();
  }

  @Test
  void newPayeesAbroadAndIgnoredWarningsCombine() {
    List<Payment> abroad = List.of(
        new Payment(daysBeforeEnd(6), "a:p1", false, "NG", 10_000, null),
        new Payment(daysBeforeEnd(5), "a:p2", false, "GH", 10_000, null),
        new Payment(daysBeforeEnd(4), "a:home", false, "GB", 10_000, null));
    Assessment a = assessor.assess(activity(false, abroad, List.of(), List.of(), 2));
    assertThat(a.findings()).extracting(Finding::code)
        .containsExactly("ignored_warnings", "new_payees_abroad");
    assertThat(a.score()).isEqualTo(1 - 0.5 * 0.65, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(a.resembles()).isEqualTo(ScamType.ROMANCE);
    List<Payment> oneAbroad = abroad.subList(1, 3);
    assertThat(assessor.assess(activity(false, oneAbroad, List.of(), List.of(), 0)).score())
        .isZero();
  }
}
