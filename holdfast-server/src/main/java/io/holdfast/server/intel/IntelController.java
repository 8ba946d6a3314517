package io.holdfast.server.intel;

import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.intel.LineRejection;
import io.holdfast.core.intel.Network;
import io.holdfast.core.intel.ParseResult;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.server.idempotency.Idempotency;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Intel lists: known-bad addresses and accounts that screening holds or blocks. */
@RestController
@Tag(name = "Intel")
public class IntelController {
  /** At most this many rejections are listed in an answer; the count is always complete. */
  static final int REJECTIONS_SHOWN = 1_000;

  private final IntelService intel;
  private final IntelIndex index;
  private final Idempotency idempotency;

  public IntelController(IntelService intel, IntelIndex index, Idempotency idempotency) {
    this.intel = intel;
    this.index = index;
    this.idempotency = idempotency;
  }

  @Operation(summary = "All intel lists with their entry counts")
  @GetMapping(path = "/v1/intel/lists", produces = MediaType.APPLICATION_JSON_VALUE)
  public List<Map<String, Object>> lists() {
    return intel.lists().stream().map(IntelController::view).toList();
  }

  @Operation(summary = "One intel list")
  @GetMapping(path = "/v1/intel/lists/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> list(@PathVariable String name) {
    return intel.find(IntelService.name(name)).map(IntelController::view)
        .orElseThrow(() -> ApiProblem.notFound("intel list " + name));
  }

  @Operation(summary = "Create or change an intel list (action HOLD or BLOCK)")
  @PutMapping(path = "/v1/intel/lists/{name}", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> put(@PathVariable String name, @RequestBody ListBody body,
      HttpServletRequest request) {
    IntelService.name(name);
    return idempotency.execute(request, () -> {
      boolean created = intel.put(name, body);
      return new Idempotency.Result(created ? HttpStatus.CREATED : HttpStatus.OK,
          view(intel.find(name).orElseThrow()));
    });
  }

  @Operation(summary = "Add entries: one address a line (text/plain), CSV or JSON")
  @PostMapping(path = "/v1/intel/lists/{name}/entries",
      consumes = {MediaType.TEXT_PLAIN_VALUE, "text/csv", MediaType.APPLICATION_JSON_VALUE},
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> addEntries(@PathVariable String name,
      @RequestParam(required = false) String network, @RequestBody String body,
      HttpServletRequest request) {
    IntelService.name(name);
    if (network != null && Network.parse(network).isEmpty()) {
      throw ApiProblem.invalidField("network", "unknown network " + abbreviate(network)
          + "; known: " + Network.knownNames());
    }
    IntelFormat format = IntelFormat.byName(request.getContentType()).orElse(IntelFormat.TEXT);
    ParseResult parsed;
    try {
      parsed = format.parse(new StringReader(body), network);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.MALFORMED_JSON, e.getMessage());
    }
    return idempotency.execute(request, () -> {
      IntelImporter.Report report = intel.addEntries(name, parsed);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("list", name);
      out.put("added", report.added());
      out.put("already_present", report.alreadyPresent());
      out.put("rejected_count", report.rejected().size());
      out.put("rejected", shown(report.rejected()));
      out.put("notices", shown(report.notices()));
      return new Idempotency.Result(HttpStatus.OK, out);
    });
  }

  @Operation(summary = "The lists naming an address (network and address) or an account")
  @GetMapping(path = "/v1/intel/lookup", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, Object> lookup(@RequestParam(required = false) String network,
      @RequestParam(required = false) String address,
      @RequestParam(required = false) String account) {
    Counterparty counterparty;
    if (account != null && address == null && network == null) {
      counterparty = new Counterparty.PlatformAccount(Ids.require("account", account));
    } else if (account == null && address != null && network != null) {
      AddressCheck check = AddressNormalizer.normalize(network, address);
      if (check instanceof AddressCheck.Invalid invalid) {
        throw new ApiProblem(ProblemType.INVALID_ADDRESS, invalid.reason(),
            Map.of("field", "address"));
      }
      AddressCheck.Valid valid = (AddressCheck.Valid) check;
      counterparty = new Counterparty.ExternalAddress(valid.network(), valid.address());
    } else {
      throw ApiProblem.invalidField("account", "give either account, or network with address");
    }
    List<Map<String, Object>> found = index.lookup(counterparty).stream()
        .map(name -> Map.<String, Object>of("name", name, "action",
            index.list(name).map(l -> l.action().name()).orElse("")))
        .toList();
    return Map.of("lists", found);
  }

  static List<Map<String, Object>> shown(List<LineRejection> lines) {
    return lines.stream().limit(REJECTIONS_SHOWN)
        .map(r -> Map.<String, Object>of("line", r.line(), "reason", r.reason())).toList();
  }

  private static Map<String, Object> view(IntelStore.ListRow row) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", row.list().name());
    out.put("action", row.list().action().name());
    out.put("description", row.list().description());
    out.put("entries", row.entries());
    out.put("created_at", row.createdAt().toString());
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
