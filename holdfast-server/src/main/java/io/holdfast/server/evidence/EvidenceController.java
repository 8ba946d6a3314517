package io.holdfast.server.evidence;

import io.holdfast.server.web.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The evidence export of a case, as JSON and as a readable HTML report. */
@RestController
@Tag(name = "Cases")
public class EvidenceController {
  private final EvidenceBundle bundle;

  public EvidenceController(EvidenceBundle bundle) {
    this.bundle = bundle;
  }

  @Operation(summary = "The evidence bundle of a case: transfers, victims, amounts, timeline,"
      + " linked accounts, devices and IPs, freezes and recoveries")
  @GetMapping(path = "/v1/cases/{caseId}/evidence", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> json(@PathVariable String caseId) {
    Ids.path("case_id", caseId);
    return bundle.of(caseId);
  }

  @Operation(summary = "The evidence bundle as a readable HTML report")
  @GetMapping(path = "/v1/cases/{caseId}/evidence.html", produces = MediaType.TEXT_HTML_VALUE)
  public ResponseEntity<String> html(@PathVariable String caseId) {
    Ids.path("case_id", caseId);
    return ResponseEntity.ok().contentType(new MediaType("text", "html",
        java.nio.charset.StandardCharsets.UTF_8)).body(EvidenceHtml.render(bundle.of(caseId)));
  }
}
