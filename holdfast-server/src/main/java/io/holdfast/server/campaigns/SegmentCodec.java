package io.holdfast.server.campaigns;

import io.holdfast.core.account.AgeBand;
import io.holdfast.core.prevention.campaign.Segment;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A segment as the API shows it and as the campaigns table stores it: the wire names, exposure
 * as a score from 0 to 1 (stored and compared in thousandths).
 */
final class SegmentCodec {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SegmentCodec() {}

  static Map<String, Object> view(Segment s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("countries", List.copyOf(new TreeSet<>(s.countries())));
    List<String> bands = new ArrayList<>();
    s.ageBands().stream().sorted().forEach(b -> bands.add(b.label()));
    m.put("age_bands", bands);
    m.put("vulnerable", s.vulnerable());
    m.put("paid_new_address_within_days", s.paidNewAddressWithinDays());
    m.put("deposit_within_days", s.depositWithinDays());
    m.put("open_hold", s.openHold());
    m.put("exposure_min", s.exposureMinMilli() == null ? null : s.exposureMinMilli() / 1000.0);
    m.put("exposure_max", s.exposureMaxMilli() == null ? null : s.exposureMaxMilli() / 1000.0);
    return m;
  }

  static String toJson(Segment s) {
    return JSON.writeValueAsString(view(s));
  }

  static Segment fromJson(String text) {
    JsonNode n = JSON.readTree(text);
    Set<String> countries = new TreeSet<>();
    n.path("countries").forEach(c -> countries.add(c.asString()));
    Set<AgeBand> bands = EnumSet.noneOf(AgeBand.class);
    n.path("age_bands").forEach(b -> bands.add(AgeBand.byLabel(b.asString()).orElseThrow()));
    return new Segment(countries, bands, bool(n.path("vulnerable")),
        integer(n.path("paid_new_address_within_days")), integer(n.path("deposit_within_days")),
        bool(n.path("open_hold")), milli(n.path("exposure_min")), milli(n.path("exposure_max")));
  }

  private static Boolean bool(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asBoolean();
  }

  private static Integer integer(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : n.asInt();
  }

  private static Integer milli(JsonNode n) {
    return n.isNull() || n.isMissingNode() ? null : (int) Math.round(n.asDouble() * 1000);
  }
}
