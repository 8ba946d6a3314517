package io.holdfast.server.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PlatformFixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Accounts, payments and events through the real API, people with roles, and campaigns. Tests
 * use countries of their own from the user-assigned codes (XA to XZ), so a segment of one test
 * never reaches another's accounts.
 */
abstract class CampaignFixtures extends PlatformFixtures {
  static String newAddress() {
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < 40; i++) {
      sb.append("0123456789abcdef".charAt(ThreadLocalRandom.current().nextInt(16)));
    }
    return sb.toString();
  }

  /** A payment of $20 dated {@code at} to an account or an ETH address. */
  void pay(String sender, String recipientAccount, String address, Instant at) {
    pay(sender, recipientAccount, address, "ETH", 2_000, at);
  }

  void deposit(String accountId, Instant at) {
    event(accountId, "deposit", at, 50_000L);
  }

  static Map<String, Object> body(String name, Map<String, Object> segment, Instant startsAt,
      Instant endsAt, String cadence, int capPerUser, int holdoutPercent) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", name);
    b.put("scam_type", "investment");
    b.put("channel", "in_app");
    b.put("segment", segment);
    b.put("messages", List.of(
        Map.of("scam_type", "investment", "language", "en", "title", "Investment scams",
            "body", "Nobody can promise you returns."),
        Map.of("scam_type", "investment", "language", "es", "title", "Estafas de inversion",
            "body", "Nadie puede prometerte ganancias."),
        Map.of("scam_type", "romance", "language", "en", "title", "Romance scams",
            "body", "Never send money to someone you have not met.")));
    b.put("schedule", Map.of("starts_at", startsAt.toString(), "ends_at", endsAt.toString(),
        "cadence", cadence));
    b.put("cap_per_user", capPerUser);
    b.put("holdout_percent", holdoutPercent);
    return b;
  }

  /** Creates a campaign as {@code creator} and activates it as a second analyst. */
  String createAndActivate(Api creator, Map<String, Object> body) {
    Api.Response created = creator.post("/v1/campaigns", Api.json(body));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().path("campaign_id").asString();
    Api.Response activated = person("ANALYST").post("/v1/campaigns/" + id + "/activate", null);
    assertThat(activated.status()).as(activated.body()).isEqualTo(200);
    return id;
  }

  List<String> campaignMessages(String campaignId, String accountId) {
    return jdbc.queryForList("SELECT message_id FROM prevention_messages WHERE source ="
        + " 'CAMPAIGN' AND source_ref = ? AND account_id = ? ORDER BY message_id", String.class,
        campaignId, accountId);
  }

  void alert(String accountId, Instant at) {
    jdbc.update("INSERT INTO prevention_messages (message_id, account_id, source, source_ref,"
        + " scam_type, channel, language, template_version, title, body, created_at)"
        + " VALUES (?, ?, 'ASSESSMENT', 'fixture', 'GENERAL', 'IN_APP', 'en', 1, 't', 'b', ?)",
        id("assessment:fixture"), accountId, Timestamp.from(at));
  }
}
