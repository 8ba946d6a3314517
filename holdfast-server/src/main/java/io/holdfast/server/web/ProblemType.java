package io.holdfast.server.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable problem types Holdfast answers with. Clients switch on {@code type}; the title and
 * detail are for people and may change.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST,
      "The request is malformed, or its path or a header is refused"),
  MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "The body is not valid JSON"),
  UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST, "The body has a field Holdfast does not know"),
  WRONG_TYPE("wrong-type", HttpStatus.BAD_REQUEST, "A field has the wrong type"),
  INVALID_FIELD("invalid-field", HttpStatus.BAD_REQUEST, "A field has an invalid value"),
  INVALID_ID("invalid-id", HttpStatus.BAD_REQUEST, "An id in the path is not valid"),
  INVALID_ADDRESS("invalid-address", HttpStatus.BAD_REQUEST, "The address is not valid on its network"),
  INVALID_RULE("invalid-rule", HttpStatus.BAD_REQUEST, "The rule does not compile"),
  RULE_TOO_COSTLY("rule-too-costly", HttpStatus.UNPROCESSABLE_CONTENT,
      "The rule is longer, deeper or costlier to evaluate than the rule limits allow"),
  BODY_TOO_LARGE("body-too-large", HttpStatus.CONTENT_TOO_LARGE, "The body is too large"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      "The body's media type is not supported"),
  NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
      "None of the media types the client accepts can be sent"),
  UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication is required"),
  FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed for this key or user"),
  CONFLICT("conflict", HttpStatus.CONFLICT, "The request conflicts with the current state"),
  IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT,
      "The Idempotency-Key was already used with a different body"),
  TRANSFER_ID_REUSED("transfer-id-reused", HttpStatus.UNPROCESSABLE_CONTENT,
      "The transfer_id was already screened with different fields"),
  HOLD_ALREADY_RESOLVED("hold-already-resolved", HttpStatus.CONFLICT,
      "The hold was already resolved; a hold ends exactly once"),
  HOLD_COMMAND_NOT_ALLOWED("hold-command-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT,
      "The hold cannot do that now"),
  FREEZE_ENDED("freeze-ended", HttpStatus.CONFLICT,
      "The freeze already ended; a freeze ends exactly once"),
  FREEZE_COMMAND_NOT_ALLOWED("freeze-command-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT,
      "The freeze cannot do that now"),
  SECOND_PERSON_REQUIRED("second-person-required", HttpStatus.FORBIDDEN,
      "A second person must approve this"),
  REPORT_RATE_LIMITED("report-rate-limited", HttpStatus.TOO_MANY_REQUESTS,
      "Too many reports from this reporter; try again later"),
  TOO_MANY_SIGN_INS("too-many-sign-ins", HttpStatus.TOO_MANY_REQUESTS,
      "Too many failed sign-ins; try again after Retry-After seconds"),
  CASE_ALREADY_DECIDED("case-already-decided", HttpStatus.CONFLICT,
      "The case was already decided"),
  OUTREACH_CLOSED("outreach-closed", HttpStatus.CONFLICT,
      "The outreach conversation is closed"),
  OUTREACH_COMMAND_NOT_ALLOWED("outreach-command-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT,
      "The outreach conversation cannot do that now"),
  CAMPAIGN_ENDED("campaign-ended", HttpStatus.CONFLICT,
      "The campaign already ended or was dismissed; a campaign ends once"),
  CAMPAIGN_COMMAND_NOT_ALLOWED("campaign-command-not-allowed", HttpStatus.UNPROCESSABLE_CONTENT,
      "The campaign cannot do that now"),
  LAST_ADMIN("last-admin", HttpStatus.CONFLICT,
      "The change would leave no enabled administrator"),
  OVERLOADED("overloaded", HttpStatus.SERVICE_UNAVAILABLE, "Holdfast is overloaded; retry"),
  IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", HttpStatus.SERVICE_UNAVAILABLE,
      "The single sign-on identity provider could not be reached to check a token; retry"),
  INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

  private static final String BASE = "https://holdfast.dev/problems/";
  /** The type that answers a bare status (from the servlet container or an empty answer). */
  private static final java.util.List<ProblemType> BY_STATUS = java.util.List.of(BAD_REQUEST,
      UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, BODY_TOO_LARGE,
      UNSUPPORTED_MEDIA_TYPE, OVERLOADED, INTERNAL);

  private final String slug;
  private final HttpStatus status;
  private final String title;

  ProblemType(String slug, HttpStatus status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  /**
   * The type for a bare HTTP status: the general type of that status; for any other 4xx, and
   * for the 501 and 505 a servlet container sends for a transfer coding or an HTTP version it
   * does not speak, a bad request (the client must change something); else an internal
   * error.
   */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : BY_STATUS) {
      if (type.status.value() == status) {
        return type;
      }
    }
    return status >= 500 && status != 501 && status != 505 ? INTERNAL : BAD_REQUEST;
  }

  public URI uri() {
    return URI.create(BASE + slug);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
