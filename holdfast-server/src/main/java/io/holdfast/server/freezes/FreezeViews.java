package io.holdfast.server.freezes;

import io.holdfast.core.freeze.Freeze;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a freeze reads in the API and in the audit log. */
public final class FreezeViews {
  private FreezeViews() {}

  public static String state(Freeze f) {
    if (f instanceof Freeze.Active a) {
      return "ACTIVE " + a.kind() + (a.appeal() != null ? " appealed" : "")
          + (a.unfreezeRequest() != null ? " unfreeze_requested" : "");
    }
    return f instanceof Freeze.Lifted ? "LIFTED" : "EXPIRED";
  }

  /** The freeze as JSON-ready fields; {@code funds} is what the platform reported frozen. */
  public static Map<String, Object> view(Freeze f, List<Map<String, Object>> funds) {
    Map<String, Object> v = new LinkedHashMap<>();
    var t = f.terms();
    v.put("freeze_id", t.freezeId());
    v.put("case_id", t.caseId());
    v.put("subject", t.subjectKey());
    v.put("basis", t.basis().name().toLowerCase(java.util.Locale.ROOT));
    v.put("reason", t.reason());
    v.put("created_at", t.createdAt().toString());
    v.put("created_by", t.createdBy());
    if (f instanceof Freeze.Active a) {
      v.put("state", "active");
      v.put("kind", a.kind().name().toLowerCase(java.util.Locale.ROOT));
      put(v, "expires_at", a.expiresAt());
      if (a.appeal() != null) {
        v.put("appeal", Map.of("by", a.appeal().by(), "at", a.appeal().at().toString(),
            "grounds", a.appeal().grounds()));
      }
      if (a.unfreezeRequest() != null) {
        v.put("unfreeze_requested_by", a.unfreezeRequest().by());
      }
    } else if (f instanceof Freeze.Lifted l) {
      v.put("state", "lifted");
      v.put("lifted_at", l.liftedAt().toString());
      v.put("requested_by", l.requestedBy());
      v.put("approved_by", l.approvedBy());
    } else {
      v.put("state", "expired");
      v.put("expired_at", ((Freeze.Expired) f).expiredAt().toString());
    }
    v.put("frozen_funds", funds);
    return v;
  }

  private static void put(Map<String, Object> v, String key, Instant at) {
    if (at != null) {
      v.put(key, at.toString());
    }
  }
}
