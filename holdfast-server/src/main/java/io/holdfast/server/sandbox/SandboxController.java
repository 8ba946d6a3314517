package io.holdfast.server.sandbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Shows the sandbox platform's balances and whether its money is conserved. */
@RestController
@Tag(name = "Sandbox")
public class SandboxController {
  static final int BALANCES_MAX = 1_000;

  private final SandboxLedger ledger;
  private final SandboxPlatform platform;

  public SandboxController(SandboxLedger ledger, SandboxPlatform platform) {
    this.ledger = ledger;
    this.platform = platform;
  }

  @Operation(summary = "Sandbox balances (first 1000) and the money-conservation report")
  @GetMapping(path = "/v1/sandbox/ledger", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> ledger() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enabled", platform.enabled());
    body.put("balances", ledger.balances(BALANCES_MAX));
    body.put("invariants", ledger.checkInvariants());
    return body;
  }
}
