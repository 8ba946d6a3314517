package io.holdfast.server.intel;

import io.holdfast.core.intel.IntelLineParser;
import io.holdfast.core.intel.LineRejection;
import io.holdfast.core.intel.ParseResult;
import io.holdfast.core.intel.IntelEntry;
import io.holdfast.server.web.JsonErrors;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The formats an intel list can be loaded from: one address a line, CSV (both read by the
 * core's {@link IntelLineParser}) and JSON. A JSON document is an array of address strings, of
 * objects {@code {"address", "network", "account", "note"}}, or an object {@code {"entries":
 * [...]}}; it is turned into CSV for the same parser, so every format is checked by one set of
 * rules. For JSON, the "line" of a rejection is the entry's 1-based position in the array.
 */
public enum IntelFormat {
  TEXT,
  CSV,
  JSON;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final List<String> FIELDS = List.of("address", "account", "network", "note");

  /** The format named by a file's extension or a --format value; empty if not recognised. */
  public static Optional<IntelFormat> byName(String name) {
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("json")) {
      return Optional.of(JSON);
    }
    if (lower.endsWith("csv")) {
      return Optional.of(CSV);
    }
    if (lower.endsWith("txt") || lower.endsWith("text") || lower.endsWith("plain")) {
      return Optional.of(TEXT);
    }
    return Optional.empty();
  }

  /**
   * Parses a whole document.
   *
   * @throws IllegalArgumentException when a JSON document is not valid JSON or has the wrong
   *     shape; line-level problems are rejections in the result instead
   */
  public ParseResult parse(Reader reader, String network) {
    if (this != JSON) {
      return IntelLineParser.parse(reader, network);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(reader);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("the body is not valid JSON: "
          + JsonErrors.syntax(e));
    }
    JsonNode entries = root != null && root.isObject() ? root.get("entries") : root;
    if (entries == null || !entries.isArray()) {
      throw new IllegalArgumentException("a JSON intel document is an array of entries or an"
          + " object {\"entries\": [...]}");
    }
    return fromJson(entries, network);
  }

  private static ParseResult fromJson(JsonNode entries, String network) {
    StringBuilder csv = new StringBuilder("address,account,network,note\n");
    List<LineRejection> own = new ArrayList<>();
    int number = 0;
    for (JsonNode entry : entries) {
      number++;
      String problem = appendRow(csv, entry);
      if (problem != null) {
        own.add(new LineRejection(number, problem));
        // A blank line keeps the CSV's line numbers one ahead of the entry numbers.
        csv.append('\n');
      }
    }
    ParseResult parsed = IntelLineParser.parse(new StringReader(csv.toString()), network);
    List<IntelEntry> accepted = parsed.entries().stream()
        .map(e -> new IntelEntry(e.line() - 1, e.address(), e.accountId(), e.note())).toList();
    List<LineRejection> rejections = new ArrayList<>(own);
    parsed.rejections().forEach(r -> rejections.add(new LineRejection(r.line() - 1, r.reason())));
    rejections.sort(Comparator.comparingInt(LineRejection::line));
    List<LineRejection> notices = parsed.notices().stream()
        .map(n -> new LineRejection(n.line() - 1, n.reason())).toList();
    return new ParseResult(accepted, rejections, notices);
  }

  /** Appends one entry as a CSV row; returns why it cannot be one, or null. */
  private static String appendRow(StringBuilder csv, JsonNode entry) {
    if (entry.isString()) {
      csv.append(quoted(entry.asString())).append(",,,\n");
      return null;
    }
    if (!entry.isObject()) {
      return "an entry is an address string or an object with address or account";
    }
    for (Map.Entry<String, JsonNode> field : entry.properties()) {
      if (!FIELDS.contains(field.getKey())) {
        return "unknown field '" + field.getKey() + "'; known: " + FIELDS;
      }
      if (!field.getValue().isString() && !field.getValue().isNull()) {
        return "field '" + field.getKey() + "' must be a string";
      }
    }
    for (int i = 0; i < FIELDS.size(); i++) {
      JsonNode value = entry.get(FIELDS.get(i));
      csv.append(i == 0 ? "" : ",").append(value == null || value.isNull() ? ""
          : quoted(value.asString()));
    }
    csv.append('\n');
    return null;
  }

  private static String quoted(String value) {
    String oneLine = value.replace('\r', ' ').replace('\n', ' ');
    return '"' + oneLine.replace("\"", "\"\"") + '"';
  }
}
