package io.holdfast.app.verdict;

import io.holdfast.core.verdict.ReportEvidence;
import io.holdfast.core.verdict.ScamVerdict;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON lines of {@code holdfast verdict}. A report is
 * {@code {"id": ..., "text": "...", <evidence>}} where the evidence fields are the components of
 * {@link ReportEvidence} in snake_case, each optional and nullable (absent or null = unknown).
 * Unknown fields are refused rather than ignored, so that a misspelt field (or a camelCase one)
 * cannot silently turn evidence into "unknown".
 */
public final class ReportJson {
  /** The evidence fields, in {@link ReportEvidence} component order. */
  public static final List<String> EVIDENCE_FIELDS = List.of("other_reporters",
      "recipient_fan_in_30d", "recipient_age_days", "mule_turnaround_hours",
      "reporter_paid_recipient", "hours_since_transfer", "amount_usd_minor",
      "recipient_on_intel_list", "reporter_confirmed_reports", "reporter_rejected_reports");
  private static final Set<String> KNOWN = known();

  /** A report line that cannot be judged; the message says why, for the operator. */
  public static final class BadLine extends Exception {
    public BadLine(String message) {
      super(message);
    }
  }

  /** One parsed report: its id as given (string or number), its text and its evidence. */
  public record Report(JsonNode id, String text, ReportEvidence evidence) {}

  private final JsonMapper mapper = JsonMapper.builder().build();

  public Report parse(String line) throws BadLine {
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JacksonException e) {
      throw new BadLine("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadLine("not a JSON object");
    }
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!KNOWN.contains(field.getKey())) {
        throw new BadLine("unknown field '" + field.getKey() + "' (evidence fields are "
            + "snake_case: " + String.join(", ", EVIDENCE_FIELDS) + ")");
      }
    }
    JsonNode id = node.get("id");
    if (id == null || !(id.isString() || id.isIntegralNumber())) {
      throw new BadLine("'id' must be a string or a whole number");
    }
    JsonNode text = node.get("text");
    if (text == null || !text.isString()) {
      throw new BadLine("'text' must be a string");
    }
    return new Report(id, text.asString(), evidence(node));
  }

  /** The output line for a verdict. */
  public String write(JsonNode id, ScamVerdict verdict) {
    ObjectNode out = mapper.createObjectNode();
    out.set("id", id);
    out.put("verdict", verdict.outcome().name());
    // Six decimals are more than calibration can vouch for, and keep the lines readable.
    out.put("probability", Math.round(verdict.probability() * 1e6) / 1e6);
    ArrayNode reasons = out.putArray("reasons");
    verdict.reasons().forEach(reasons::add);
    out.put("model_version", verdict.modelVersion());
    return mapper.writeValueAsString(out);
  }

  private static ReportEvidence evidence(JsonNode node) throws BadLine {
    List<String> f = EVIDENCE_FIELDS;
    return new ReportEvidence(count(node, f.get(0)), count(node, f.get(1)), count(node, f.get(2)),
        measure(node, f.get(3)), flag(node, f.get(4)), measure(node, f.get(5)),
        amount(node, f.get(6)), flag(node, f.get(7)), count(node, f.get(8)),
        count(node, f.get(9)));
  }

  private static Integer count(JsonNode node, String name) throws BadLine {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
      throw new BadLine("'" + name + "' must be a whole number >= 0 or null");
    }
    return value.intValue();
  }

  private static Long amount(JsonNode node, String name) throws BadLine {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
      throw new BadLine("'" + name + "' must be a whole number of US cents >= 0 or null");
    }
    return value.longValue();
  }

  private static Double measure(JsonNode node, String name) throws BadLine {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
      throw new BadLine("'" + name + "' must be a number >= 0 or null");
    }
    return value.doubleValue();
  }

  private static Boolean flag(JsonNode node, String name) throws BadLine {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isBoolean()) {
      throw new BadLine("'" + name + "' must be true, false or null");
    }
    return value.booleanValue();
  }

  private static Set<String> known() {
    Set<String> known = new HashSet<>(EVIDENCE_FIELDS);
    known.add("id");
    known.add("text");
    return Set.copyOf(known);
  }
}
