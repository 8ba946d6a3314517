package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.core.prevention.campaign.DeliveryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round that dies mid-chunk loses that chunk's messages, keeps its lease until it runs out
 * (so a second runner stays away), and is finished by the next runner from its last committed
 * chunk: every member gets exactly one message, and the round's counts equal the rows.
 */
class CampaignCrashIT extends CampaignFixtures {
  @Autowired
  TransactionTemplate tx;

  CampaignDelivery runner(String owner, Instant at) {
    return new CampaignDelivery(jdbc, tx, Clock.fixed(at, ZoneOffset.UTC),
        DeliveryPolicy.defaults(), 2, owner);
  }

  @Test
  void aCrashedRoundResumesWithoutSendingTwiceAndOneRunnerHoldsIt() {
    Instant start = Instant.now().plus(Duration.ofHours(1));
    String cid = createAndActivate(person("ANALYST"), body("crash", Map.of("countries",
        List.of("XE")), start, start.plus(Duration.ofDays(1)), "once", 1, 0));
    List<String> members = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String a = id("crash-m");
      account(a, "XE", List.of(), null, null);
      members.add(a);
    }
    Instant at = start.plus(Duration.ofMinutes(5));
    CampaignDelivery dying = runner("dying", at);
    dying.beforeCommit(chunk -> {
      if (chunk == 1) {
        throw new IllegalStateException("killed before commit, with messages written");
      }
    });
    assertThatThrownBy(() -> dying.run(cid)).hasMessageContaining("killed before commit");
    Map<String, Object> crashed = round(cid);
    assertThat(crashed.get("state")).isEqualTo("RUNNING");
    assertThat(sent(cid)).as("the first chunk committed, the second rolled back").isEqualTo(2);
    assertThat(crashed.get("sent")).isEqualTo(2L);

    assertThat(runner("second", at.plusSeconds(10)).run(cid))
        .as("the lease keeps a second runner out")
        .isEqualTo(CampaignDelivery.Result.LEASED_ELSEWHERE);
    assertThat(runner("second", at.plus(CampaignDelivery.LEASE).plusSeconds(1)).run(cid))
        .isEqualTo(CampaignDelivery.Result.DONE);

    for (String a : members) {
      assertThat(campaignMessages(cid, a)).containsExactly("campaign:" + cid + ":" + a + ":1");
    }
    Map<String, Object> done = round(cid);
    assertThat(done.get("state")).isEqualTo("DONE");
    assertThat(done.get("sent")).isEqualTo(5L);
    assertThat(done.get("matched")).isEqualTo(5L);
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'campaign'"
        + " AND entity_id = ? AND action LIKE 'campaign.round%' ORDER BY audit_id",
        String.class, cid)).containsExactly("campaign.round_started", "campaign.round_done");
  }

  private long sent(String cid) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM prevention_messages WHERE source_ref = ?",
        Long.class, cid);
  }

  private Map<String, Object> round(String cid) {
    return jdbc.queryForMap("SELECT state, sent, matched FROM campaign_rounds WHERE campaign_id"
        + " = ? AND round_no = 1", cid);
  }
}
