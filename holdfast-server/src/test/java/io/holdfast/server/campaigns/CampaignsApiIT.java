package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may do what with campaigns, the second-person rule for activation, idempotent creation,
 * the lifecycle over HTTP and its audit trail.
 */
class CampaignsApiIT extends CampaignFixtures {
  static final List<String[]> ROUTES = List.of(
      new String[] {"POST", "/v1/campaigns"}, new String[] {"GET", "/v1/campaigns"},
      new String[] {"GET", "/v1/campaigns/cmp_x"}, new String[] {"POST", "/v1/campaigns/preview"},
      new String[] {"POST", "/v1/campaigns/cmp_x/activate"},
      new String[] {"POST", "/v1/campaigns/cmp_x/pause"},
      new String[] {"POST", "/v1/campaigns/cmp_x/end"},
      new String[] {"POST", "/v1/campaigns/cmp_x/dismiss"},
      new String[] {"POST", "/v1/campaigns/deliveries"},
      new String[] {"POST", "/v1/campaigns/surges"});

  Map<String, Object> draft() {
    Instant now = Instant.now();
    return body("lifecycle", Map.of("countries", List.of("XL")), now,
        now.plus(Duration.ofDays(7)), "once", 1, 10);
  }

  @Test
  void platformsAndStrangersCannotTouchCampaigns() {
    for (String[] r : ROUTES) {
      String body = r[0].equals("POST") ? "{}" : null;
      assertThat(anonymous().send(r[0], r[1], body, "application/json", Map.of()).status())
          .as(r[1]).isEqualTo(401);
      assertThat(platform().send(r[0], r[1], body, "application/json", Map.of()).status())
          .as(r[1]).isEqualTo(403);
    }
    assertThat(person("ANALYST").post("/v1/campaigns/deliveries", null).status())
        .as("sending now is a supervisor's call").isEqualTo(403);
    Api.Response started = person("SUPERVISOR").post("/v1/campaigns/deliveries", null);
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(person("ANALYST").get("/v1/stats/prevention").status()).isEqualTo(200);
    assertThat(platform().get("/v1/stats/prevention").status()).as("the metrics scope")
        .isEqualTo(200);
    assertThat(person("SUPERVISOR").get("/v1/stats/prevention").status())
        .as("a supervisor can do what an analyst can").isEqualTo(200);
    assertThat(person("ADMIN").get("/v1/stats/prevention").status())
        .as("an administrator of people and keys is not an analyst").isEqualTo(403);
  }

  /** A person never approves their own request, whatever their roles (issue #18). */
  @Test
  void theCreatorNeedsASecondPersonEvenASupervisor() {
    Api ann = person("ANALYST");
    String id = ann.post("/v1/campaigns", Api.json(draft())).json().path("campaign_id")
        .asString();
    Api.Response own = ann.post("/v1/campaigns/" + id + "/activate", null);
    assertThat(own.status()).isEqualTo(403);
    assertThat(own.problemType()).endsWith("/second-person-required");
    assertThat(ann.get("/v1/campaigns/" + id).json().path("state").asString())
        .isEqualTo("draft");

    Api sue = person("SUPERVISOR");
    String hers = sue.post("/v1/campaigns", Api.json(draft())).json().path("campaign_id")
        .asString();
    Api.Response herOwn = sue.post("/v1/campaigns/" + hers + "/activate", null);
    assertThat(herOwn.status()).as(herOwn.body()).isEqualTo(403);
    assertThat(herOwn.problemType()).endsWith("/second-person-required");
    Api.Response byAnn = ann.post("/v1/campaigns/" + hers + "/activate", null);
    assertThat(byAnn.status()).as(byAnn.body()).isEqualTo(200);
    assertThat(byAnn.json().path("activated_by").asString()).startsWith("user:person");
  }

  @Test
  void creationIsIdempotentAndTheLifecycleIsAudited() {
    Api ann = person("ANALYST");
    Api bob = person("ANALYST");
    Map<String, String> key = Map.of("Idempotency-Key", id("k"));
    String body = Api.json(draft());
    Api.Response first = ann.post("/v1/campaigns", body, key);
    Api.Response again = ann.post("/v1/campaigns", body, key);
    assertThat(ann.post("/v1/campaigns", body.replace("lifecycle", "other"), key).status())
        .as("the same key with another body").isEqualTo(422);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(again.header("Idempotency-Hit")).isEqualTo("true");
    String id = first.json().path("campaign_id").asString();
    assertThat(again.json().path("campaign_id").asString()).isEqualTo(id);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM campaign_messages WHERE campaign_id = ?",
        Long.class, id)).isEqualTo(3);

    assertThat(bob.post("/v1/campaigns/" + id + "/activate", null).status()).isEqualTo(200);
    assertThat(bob.post("/v1/campaigns/" + id + "/dismiss", "{\"note\":\"x\"}").problemType())
        .endsWith("/campaign-command-not-allowed");
    assertThat(ann.post("/v1/campaigns/" + id + "/pause", "{\"note\":\"copy fix\"}").json()
        .path("state").asString()).isEqualTo("paused");
    assertThat(bob.post("/v1/campaigns/" + id + "/activate", null).json().path("state")
        .asString()).isEqualTo("active");
    assertThat(ann.post("/v1/campaigns/" + id + "/end", "{}").json().path("state").asString())
        .isEqualTo("ended");
    Api.Response twice = ann.post("/v1/campaigns/" + id + "/end", "{}");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.problemType()).endsWith("/campaign-ended");
    assertThat(jdbc.queryForList("SELECT action FROM audit_log WHERE entity_type = 'campaign'"
        + " AND entity_id = ? ORDER BY audit_id", String.class, id)).containsExactly(
        "campaign.created", "campaign.activated", "campaign.paused", "campaign.activated",
        "campaign.ended");
    assertThat(ann.get("/v1/campaigns?state=ended").body()).contains(id);
    assertThat(ann.get("/v1/campaigns?state=draft").body()).doesNotContain(id);
  }
}
