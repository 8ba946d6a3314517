package io.holdfast.server.evidence;

import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The evidence bundle as a plain HTML report a person can read and print. Hand-written rather
 * than through a template engine: it is one page of tables, no engine is in the build, and
 * every value goes through Spring's {@link HtmlUtils#htmlEscape}, so nothing a victim or a
 * scammer typed can become markup.
 */
final class EvidenceHtml {
  private EvidenceHtml() {}

  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> b) {
    Map<String, Object> theCase = (Map<String, Object>) b.get("case");
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(e("Evidence: case " + theCase.get("case_id"))).append("</title><style>")
        .append("body{font-family:sans-serif;margin:2em;max-width:80em}")
        .append("table{border-collapse:collapse;margin-bottom:1.5em}")
        .append("th,td{border:1px solid #999;padding:.2em .5em;text-align:left;"
            + "font-size:.9em}th{background:#eee}</style></head><body>\n");
    html.append("<h1>").append(e("Evidence bundle: case " + theCase.get("case_id")))
        .append("</h1>\n<p>").append(e("Subject " + theCase.get("subject") + ", case "
            + theCase.get("state") + ", opened " + theCase.get("created_at") + ". Generated "
            + b.get("generated_at") + " by Holdfast.")).append("</p>\n");
    section(html, "Amounts", List.of((Map<String, Object>) b.get("amounts")));
    section(html, "Linked accounts", (List<Map<String, Object>>) b.get("linked_accounts"));
    section(html, "Victims", (List<Map<String, Object>>) b.get("victims"));
    section(html, "Transfers", (List<Map<String, Object>>) b.get("transfers"));
    section(html, "Devices and IPs", (List<Map<String, Object>>) b.get("devices_and_ips"));
    section(html, "Freezes", (List<Map<String, Object>>) b.get("freezes"));
    section(html, "Reports", (List<Map<String, Object>>) b.get("reports"));
    section(html, "Claims", (List<Map<String, Object>>) b.get("claims"));
    section(html, "Refunds", (List<Map<String, Object>>) b.get("refunds"));
    section(html, "Law-enforcement requests",
        (List<Map<String, Object>>) b.get("law_enforcement_requests"));
    section(html, "Warnings given", (List<Map<String, Object>>) b.get("warnings"));
    section(html, "Timeline", (List<Map<String, Object>>) b.get("timeline"));
    return html.append("</body></html>\n").toString();
  }

  private static void section(StringBuilder html, String title, List<Map<String, Object>> rows) {
    html.append("<h2>").append(e(title)).append(" (").append(rows.size()).append(")</h2>\n");
    if (rows.isEmpty()) {
      html.append("<p>None.</p>\n");
      return;
    }
    List<String> columns = List.copyOf(rows.get(0).keySet());
    html.append("<table><tr>");
    columns.forEach(c -> html.append("<th>").append(e(c.replace('_', ' '))).append("</th>"));
    html.append("</tr>\n");
    for (Map<String, Object> row : rows) {
      html.append("<tr>");
      columns.forEach(c -> html.append("<td>").append(e(String.valueOf(
          row.get(c) == null ? "" : row.get(c)))).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static String e(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
