package io.holdfast.server.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.server.support.Api;
import io.holdfast.server.support.PostgresServerTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Intel lists end to end over HTTP and PostgreSQL: the real OFAC ETH list is loaded through
 * the API, and screening blocks transfers to its addresses however they are spelled and on
 * whichever EVM chain; account lists hold; bad lines are reported by line number.
 */
class IntelIT extends PostgresServerTest {
  static final String OFAC_ADDRESS = "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  IntelLoader loader;

  static String resource(String path) throws IOException {
    try (InputStream in = IntelIT.class.getResourceAsStream(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Api.Response postEntries(String list, String body, String contentType, String query) {
    return admin().send("POST", "/v1/intel/lists/" + list + "/entries" + query, body,
        contentType, Map.of());
  }

  Map<String, Object> transfer(String recipientAccount, String address, String network) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("transfer_id", id("t"));
    body.put("sender_account", id("s"));
    if (recipientAccount != null) {
      body.put("recipient_account", recipientAccount);
    } else {
      body.put("recipient_address", address);
      body.put("network", network);
    }
    body.put("amount_minor", 1_000);
    body.put("currency", "USD");
    body.put("channel", "withdrawal");
    return body;
  }

  @Test
  void theOfacListBlocksItsAddressesInAnyCaseAndOnEveryEvmChain() throws IOException {
    Api.Response put = admin().put("/v1/intel/lists/ofac",
        Api.json(Map.of("action", "BLOCK", "description", "OFAC SDN ETH addresses")));
    assertThat(put.status()).isIn(200, 201);
    String file = resource("/ofac/sanctioned_addresses_ETH.txt");
    long lines = file.lines().filter(l -> !l.isBlank()).count();
    String withBadLine = file + "0xnot-an-address\n";
    Api.Response loaded = postEntries("ofac", withBadLine, "text/plain", "?network=ETH");
    assertThat(loaded.status()).isEqualTo(200);
    JsonNode report = loaded.json();
    assertThat(report.path("added").asLong()).isEqualTo(lines);
    assertThat(report.path("rejected").size()).isEqualTo(1);
    assertThat(report.path("rejected").get(0).path("line").asLong())
        .isEqualTo(file.lines().count() + 1);

    JsonNode decision = platform().post("/v1/transfers/screen", Api.json(transfer(null,
        "  " + OFAC_ADDRESS.toUpperCase().replace("0X", "0x") + " ", "ETH"))).json();
    assertThat(decision.path("outcome").asString()).isEqualTo("BLOCK");
    assertThat(reasons(decision)).contains("RECIPIENT_ON_INTEL_LIST/ofac");
    JsonNode onBsc = platform().post("/v1/transfers/screen",
        Api.json(transfer(null, OFAC_ADDRESS.toLowerCase(), "BSC"))).json();
    assertThat(onBsc.path("outcome").asString()).isEqualTo("BLOCK");
    assertThat(reasons(onBsc)).contains("RECIPIENT_ON_INTEL_LIST/ofac");

    Api.Response again = postEntries("ofac", file, "text/plain", "?network=ETH");
    assertThat(again.json().path("added").asLong()).isZero();
    assertThat(again.json().path("already_present").asLong()).isEqualTo(lines);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'intel.imported'"
        + " AND entity_id = 'ofac'").query(Long.class).single()).isGreaterThanOrEqualTo(2);
    JsonNode lookup = platform().get("/v1/intel/lookup?network=ARB&address="
        + OFAC_ADDRESS.toLowerCase()).json();
    assertThat(lookup.path("lists").get(0).path("name").asString()).isEqualTo("ofac");
    JsonNode list = admin().get("/v1/intel/lists/ofac").json();
    assertThat(list.path("entries").asLong()).isEqualTo(lines);
    assertThat(list.path("action").asString()).isEqualTo("BLOCK");
  }

  @Test
  void anAccountListHoldsTransfersToItsAccountsAndJsonIsAccepted() {
    String list = id("mules");
    String account = id("mule");
    assertThat(admin().put("/v1/intel/lists/" + list,
        Api.json(Map.of("action", "HOLD", "description", "reported mule accounts"))).status())
        .isEqualTo(201);
    String json = Api.json(Map.of("entries", List.of(Map.of("account", account, "note", "r1"),
        "0x03893a7c7463ae47d46bc7f091665f1893656003", 42)));
    Api.Response r = postEntries(list, json, "application/json", "");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("added").asLong()).isEqualTo(2);
    assertThat(r.json().path("rejected").get(0).path("line").asLong()).isEqualTo(3);
    JsonNode decision = platform().post("/v1/transfers/screen",
        Api.json(transfer(account, null, null))).json();
    assertThat(decision.path("outcome").asString()).isEqualTo("HOLD");
    assertThat(reasons(decision)).contains("RECIPIENT_ON_INTEL_LIST/" + list);
  }

  @Test
  void aBodyWhoseEveryLineIsRejectedIsRefusedAndWritesNothing() {
    String list = id("empty");
    admin().put("/v1/intel/lists/" + list, Api.json(Map.of("action", "HOLD")));
    Api.Response r = postEntries(list, "nonsense\n0x1234\n", "text/plain", "?network=ETH");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    assertThat(r.json().path("rejected").size()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM intel_entries WHERE list_name = :l")
        .param("l", list).query(Long.class).single()).isZero();
    Api.Response missing = postEntries(id("nolist"), OFAC_ADDRESS, "text/plain", "");
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void entriesWrittenBehindTheServersBackArePickedUpByTheRefresh() {
    String list = id("cli");
    String account = id("acct");
    jdbc.sql("INSERT INTO intel_lists (name, action, description, created_at)"
        + " VALUES (:n, 'HOLD', 'from the command line', CURRENT_TIMESTAMP)")
        .param("n", list).update();
    jdbc.sql("INSERT INTO intel_entries (list_name, entry_key, added_at)"
        + " VALUES (:n, :k, CURRENT_TIMESTAMP)").param("n", list).param("k", "a:" + account)
        .update();
    assertThat(platform().get("/v1/intel/lookup?account=" + account).json().path("lists")
        .size()).isZero();
    assertThat(loader.refresh()).isPositive();
    assertThat(platform().get("/v1/intel/lookup?account=" + account).json().path("lists")
        .get(0).path("name").asString()).isEqualTo(list);
  }

  @Test
  void intelRoutesNeedCredentials() {
    assertThat(anonymous().get("/v1/intel/lists").status()).isEqualTo(401);
    assertThat(anonymous().send("POST", "/v1/intel/lists/ofac/entries", OFAC_ADDRESS,
        "text/plain", Map.of()).status()).isEqualTo(401);
    assertThat(anonymous().put("/v1/intel/lists/ofac", "{\"action\":\"HOLD\"}").status())
        .isEqualTo(401);
  }

  static List<String> reasons(JsonNode decision) {
    List<String> out = new java.util.ArrayList<>();
    decision.path("reasons").forEach(r -> out.add(r.path("code").asString() + "/"
        + r.path("source").asString()));
    return out;
  }
}
