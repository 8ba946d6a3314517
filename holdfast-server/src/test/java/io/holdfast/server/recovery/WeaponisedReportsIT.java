package io.holdfast.server.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A report must never become a weapon: reports from people who never paid the target, a lone
 * report against an established account, and a flood from one reporter freeze nothing; reports
 * from people who never paid the target do not count against it in screening either.
 */
class WeaponisedReportsIT extends RecoveryTestSupport {
  @Test
  void manyReportsFromAccountsThatNeverPaidTheTargetFreezeNothing() {
    String target = id("honest");
    account(target, 10, 0);
    for (int i = 0; i < 10; i++) {
      Api.Response r = reportAccount(id("troll"), target, SCAM_STORY);
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(froze(r.json())).isFalse();
      assertThat(r.json().path("freeze_withheld").toString()).contains("never sent money");
      assertThat(r.json().path("claim_ids").size()).isZero();
    }
    tools.jackson.databind.JsonNode decision = screen(id("buyer"), target, 1_000);
    assertThat(decision.path("outcome").asString()).isNotEqualTo("BLOCK");
    assertThat(decision.path("features").path("recipient_report_count").asDouble())
        .as("reports from people who never paid it do not count in screening").isZero();
    long frozen = jdbc.sql("SELECT COUNT(*) FROM freezes WHERE subject_key = :s")
        .param("s", "a:" + target).query(Long.class).single();
    assertThat(frozen).isZero();
  }

  @Test
  void oneReportAgainstAnEstablishedAccountDoesNotFreezeIt() {
    String shop = id("shop");
    account(shop, 3000, 3);
    for (int i = 0; i < 26; i++) {
      pay(id("customer"), shop, 2_000);
    }
    String victim = id("victim");
    String paid = pay(victim, shop, 50_000);
    Api.Response r = report(victim, List.of(paid), SCAM_STORY);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(froze(r.json())).as(r.body()).isFalse();
    String withheld = r.json().path("freeze_withheld").toString();
    if (r.json().path("verdict").path("outcome").asString().equals("SCAM")) {
      assertThat(withheld).contains("established account");
    }
    assertThat(r.json().path("claim_ids").size()).as("the victim's claim is still open").isOne();
    assertThat(screen(id("buyer"), shop, 1_000).path("features").path("recipient_report_count")
        .asDouble()).as("a paying victim's report counts in screening").isEqualTo(1.0);
  }

  @Test
  void aReporterIsRateLimited() {
    String reporter = id("flood");
    for (int i = 0; i < 5; i++) {
      assertThat(reportAccount(reporter, id("x"), "they took my money").status()).isEqualTo(201);
    }
    Api.Response sixth = reportAccount(reporter, id("x"), "they took my money");
    assertThat(sixth.status()).isEqualTo(429);
    assertThat(sixth.problemType()).endsWith("/report-rate-limited");
  }

  @Test
  void badReportsAreRefusedWithoutWritingAnything() {
    long before = jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single();
    String reporter = id("r");
    assertThat(platform().post("/v1/reports", "{\"reporter_account\":\"" + reporter
        + "\",\"narrative\":\"x\"}").status()).as("names nothing").isEqualTo(400);
    assertThat(platform().post("/v1/reports", "{\"reporter_account\":\"" + reporter
        + "\",\"recipient_account\":\"b\"}").status()).as("says nothing").isEqualTo(400);
    assertThat(platform().post("/v1/reports", "{\"reporter_account\":\"" + reporter
        + "\",\"transfer_ids\":[\"" + id("missing") + "\"],\"narrative\":\"x\"}").status())
        .as("an unknown transfer").isEqualTo(400);
    assertThat(platform().post("/v1/reports", "{\"reporter_account\":\"" + reporter
        + "\",\"recipient_account\":\"b\",\"narrative\":\"" + "x".repeat(20_001) + "\"}")
        .status()).as("too long").isEqualTo(400);
    assertThat(platform().post("/v1/reports", "{\"reporter_account\":\"" + reporter
        + "\",\"recipient_account\":\"b\",\"narrative\":\"x\",\"scam_type\":\"nope\"}")
        .status()).isEqualTo(400);
    Api.Response unicode = reportAccount(reporter, id("b"),
        "他说保证收益，让我转账 USDT 🙏 — الاحتيال");
    assertThat(unicode.status()).as("any Unicode is fine").isEqualTo(201);
    long after = jdbc.sql("SELECT COUNT(*) FROM reports").query(Long.class).single();
    assertThat(after - before).as("only the good report was written").isGreaterThanOrEqualTo(1);
  }
}
