package io.holdfast.server.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * The one table of who may call what. Every route the server maps must match a row here (a
 * test enumerates the handler mappings and fails otherwise); anything unmatched is denied.
 *
 * <p>Roles ({@link Role} says what each is for) form one hierarchy, {@link #hierarchy()}:
 * SUPERVISOR &gt; ANALYST &gt; AGENT, so a supervisor can do whatever an analyst can and an
 * analyst whatever an agent can, and a row names the lowest role that may call it. ADMIN
 * administers people, keys and the server; it implies no other role (the bootstrap user
 * {@code admin} holds ADMIN, SUPERVISOR and ANALYST). AUDITOR reads: every GET row that admits
 * a person's role admits an auditor too ({@link #all()} adds it, so no row can forget it), and
 * no other row names AUDITOR but signing out of the console. What a role may do on a route is not all:
 * the four-eyes rules (a person never approves their own request, whatever their roles) are
 * checked where the request is decided, not here.
 */
public final class RouteRules {
  public static final String SCREEN = "SCOPE_screen";
  public static final String INGEST = "SCOPE_ingest";
  public static final String INTEL = "SCOPE_intel";
  public static final String RULES = "SCOPE_rules";
  public static final String HOLDS = "SCOPE_holds";
  public static final String INSTRUCTIONS = "SCOPE_instructions";
  public static final String REPORTS = "SCOPE_reports";
  public static final String OUTREACH = "SCOPE_outreach";
  public static final String PREVENTION = "SCOPE_prevention";
  public static final String ANALYST = "ROLE_ANALYST";
  public static final String SUPERVISOR = "ROLE_SUPERVISOR";
  public static final String ADMIN = "ROLE_ADMIN";
  public static final String AGENT = "ROLE_AGENT";
  public static final String AUDITOR = "ROLE_AUDITOR";

  private static final RoleHierarchy HIERARCHY = RoleHierarchyImpl.withDefaultRolePrefix()
      .role("SUPERVISOR").implies("ANALYST")
      .role("ANALYST").implies("AGENT")
      .build();

  private RouteRules() {}

  /** The roles each role implies: SUPERVISOR implies ANALYST, ANALYST implies AGENT. */
  public static RoleHierarchy hierarchy() {
    return HIERARCHY;
  }

  /**
   * Applies the table to a filter chain (the API's and the console's take the same): each row
   * in order, then everything else denied.
   */
  public static void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>
      .AuthorizationManagerRequestMatcherRegistry auth) {
    for (RouteRule rule : all()) {
      var matcher = auth.requestMatchers(rule.method(), rule.pattern());
      if (rule.isPublic()) {
        matcher.permitAll();
      } else {
        matcher.hasAnyAuthority(rule.authorities().toArray(String[]::new));
      }
    }
    auth.anyRequest().denyAll();
  }

  /** Every row, with {@link #AUDITOR} added to each GET row that admits a person's role. */
  public static List<RouteRule> all() {
    List<RouteRule> all = new ArrayList<>();
    for (RouteRule rule : rows()) {
      boolean personRead = GET.equals(rule.method())
          && rule.authorities().stream().anyMatch(a -> a.startsWith("ROLE_"));
      all.add(personRead ? rule.alsoFor(AUDITOR) : rule);
    }
    return List.copyOf(all);
  }

  private static List<RouteRule> rows() {
    return List.of(
        RouteRule.of(POST, "/v1/transfers/screen", SCREEN),
        RouteRule.of(GET, "/v1/transfers/{transferId}/decision", SCREEN, ANALYST),
        RouteRule.of(PUT, "/v1/accounts/{accountId}", INGEST),
        RouteRule.of(GET, "/v1/accounts/{accountId}", INGEST, ANALYST),
        RouteRule.of(POST, "/v1/accounts/{accountId}/events", INGEST),
        RouteRule.of(GET, "/v1/accounts/{accountId}/vulnerability", INGEST, AGENT),
        RouteRule.of(POST, "/v1/accounts/{accountId}/vulnerability", ANALYST),
        RouteRule.of(GET, "/v1/rules", RULES, ANALYST),
        // Drafts come before /v1/rules/{name}, which would match them first. People propose
        // and publish; the rules scope (platform automation) changes rules directly.
        RouteRule.of(POST, "/v1/rules/drafts", ANALYST),
        RouteRule.of(GET, "/v1/rules/drafts", ANALYST),
        RouteRule.of(GET, "/v1/rules/drafts/{draftId}", ANALYST),
        RouteRule.of(GET, "/v1/rules/drafts/{draftId}/backtest", ANALYST),
        RouteRule.of(POST, "/v1/rules/drafts/{draftId}/publish", SUPERVISOR),
        RouteRule.of(POST, "/v1/rules/drafts/{draftId}/withdraw", ANALYST),
        RouteRule.of(GET, "/v1/rules/{name}", RULES, ANALYST),
        RouteRule.of(POST, "/v1/rules", RULES, SUPERVISOR, ADMIN),
        RouteRule.of(PUT, "/v1/rules/{name}", RULES, SUPERVISOR, ADMIN),
        RouteRule.of(GET, "/v1/intel/lists", INTEL, ANALYST),
        RouteRule.of(GET, "/v1/intel/lists/{name}", INTEL, ANALYST),
        RouteRule.of(PUT, "/v1/intel/lists/{name}", INTEL, ADMIN),
        RouteRule.of(POST, "/v1/intel/lists/{name}/entries", INTEL, ADMIN),
        RouteRule.of(GET, "/v1/intel/lookup", INTEL, SCREEN, ANALYST),
        RouteRule.of(GET, "/v1/holds/{holdId}", HOLDS, AGENT),
        RouteRule.of(POST, "/v1/holds/{holdId}/cancel", HOLDS),
        RouteRule.of(GET, "/v1/holds", ANALYST),
        RouteRule.of(GET, "/v1/stats/holds", ANALYST, "SCOPE_metrics"),
        RouteRule.of(GET, "/v1/holds/{holdId}/messages", HOLDS),
        RouteRule.of(POST, "/v1/holds/{holdId}/messages/{messageId}/shown", HOLDS),
        RouteRule.of(POST, "/v1/holds/{holdId}/answers", HOLDS),
        RouteRule.of(GET, "/v1/holds/{holdId}/evidence", AGENT),
        RouteRule.of(POST, "/v1/holds/{holdId}/release", ANALYST),
        RouteRule.of(POST, "/v1/holds/{holdId}/return", ANALYST),
        RouteRule.of(POST, "/v1/holds/{holdId}/escalate", ANALYST),
        RouteRule.of(POST, "/v1/holds/{holdId}/extend", ANALYST),
        RouteRule.of(GET, "/v1/instructions", INSTRUCTIONS),
        RouteRule.of(POST, "/v1/instructions/{instructionId}/ack", INSTRUCTIONS),
        RouteRule.of(GET, "/v1/call-tasks", AGENT),
        RouteRule.of(POST, "/v1/call-tasks", ANALYST),
        RouteRule.of(POST, "/v1/call-tasks/{taskId}/claim", AGENT),
        RouteRule.of(POST, "/v1/call-tasks/{taskId}/outcome", AGENT),
        RouteRule.of(POST, "/v1/reports", REPORTS),
        RouteRule.of(GET, "/v1/reports/{reportId}", REPORTS, ANALYST),
        RouteRule.of(POST, "/v1/freezes", ANALYST),
        RouteRule.of(GET, "/v1/freezes/{freezeId}", ANALYST, INSTRUCTIONS),
        RouteRule.of(POST, "/v1/freezes/{freezeId}/confirm", ANALYST),
        RouteRule.of(POST, "/v1/freezes/{freezeId}/appeal", REPORTS),
        RouteRule.of(POST, "/v1/freezes/{freezeId}/unfreeze", ANALYST),
        RouteRule.of(POST, "/v1/freezes/{freezeId}/unfreeze/approve", ANALYST),
        RouteRule.of(POST, "/v1/freezes/{freezeId}/funds", INSTRUCTIONS),
        RouteRule.of(GET, "/v1/cases", ANALYST),
        RouteRule.of(GET, "/v1/cases/{caseId}", ANALYST),
        RouteRule.of(GET, "/v1/cases/{caseId}/timeline", ANALYST),
        RouteRule.of(POST, "/v1/cases/{caseId}/decision", ANALYST),
        RouteRule.of(POST, "/v1/cases/{caseId}/decision/approve", ANALYST),
        RouteRule.of(POST, "/v1/cases/{caseId}/notes", ANALYST),
        RouteRule.of(POST, "/v1/cases/{caseId}/assign", ANALYST),
        RouteRule.of(POST, "/v1/cases/{caseId}/restitution", SUPERVISOR),
        RouteRule.of(GET, "/v1/stats/recovery", ANALYST, "SCOPE_metrics"),
        RouteRule.of(GET, "/v1/stats/programme", ANALYST, "SCOPE_metrics"),
        RouteRule.of(POST, "/v1/scammers", ANALYST),
        RouteRule.of(GET, "/v1/scammers/{scammerId}", ANALYST),
        RouteRule.of(GET, "/v1/scammers/{scammerId}/victims", ANALYST),
        RouteRule.of(GET, "/v1/scammers/{scammerId}/trace", ANALYST),
        RouteRule.of(GET, "/v1/scammers/{scammerId}/graph", ANALYST),
        RouteRule.of(GET, "/v1/outreach/messages", OUTREACH),
        RouteRule.of(GET, "/v1/outreach/{outreachId}", OUTREACH, ANALYST),
        RouteRule.of(POST, "/v1/outreach/{outreachId}/replies", OUTREACH),
        RouteRule.of(POST, "/v1/outreach/{outreachId}/messages/{messageId}/shown", OUTREACH),
        RouteRule.of(GET, "/v1/stats/outreach", ANALYST, "SCOPE_metrics"),
        RouteRule.of(POST, "/v1/le-requests", SUPERVISOR),
        RouteRule.of(GET, "/v1/le-requests/{requestId}", ANALYST),
        RouteRule.of(GET, "/v1/cases/{caseId}/evidence", ANALYST),
        RouteRule.of(GET, "/v1/cases/{caseId}/evidence.html", ANALYST),
        RouteRule.of(POST, "/v1/assessments/runs", SUPERVISOR, ADMIN),
        RouteRule.of(GET, "/v1/assessments/runs/{date}", ANALYST, ADMIN),
        RouteRule.of(GET, "/v1/accounts/{accountId}/assessments", ANALYST),
        RouteRule.of(GET, "/v1/prevention/messages", PREVENTION),
        RouteRule.of(POST, "/v1/prevention/messages/{messageId}/shown", PREVENTION),
        RouteRule.of(GET, "/v1/accounts/{accountId}/prevention-messages", ANALYST),
        RouteRule.of(GET, "/v1/accounts/{accountId}/alert-opt-outs", INGEST, ANALYST),
        RouteRule.of(PUT, "/v1/accounts/{accountId}/alert-opt-outs", INGEST),
        RouteRule.of(POST, "/v1/campaigns", ANALYST),
        RouteRule.of(GET, "/v1/campaigns", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/preview", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/surges", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/deliveries", SUPERVISOR, ADMIN),
        RouteRule.of(GET, "/v1/campaigns/{campaignId}", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/{campaignId}/activate", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/{campaignId}/pause", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/{campaignId}/end", ANALYST),
        RouteRule.of(POST, "/v1/campaigns/{campaignId}/dismiss", ANALYST),
        RouteRule.of(GET, "/v1/stats/prevention", ANALYST, "SCOPE_metrics"),
        RouteRule.of(GET, "/v1/audit", AUDITOR, ADMIN),
        RouteRule.of(GET, "/v1/webhooks/deliveries", ADMIN),
        RouteRule.of(POST, "/v1/webhooks/deliveries/{instructionId}/retry", ADMIN),
        RouteRule.of(GET, "/v1/sandbox/ledger", ADMIN),
        RouteRule.of(GET, "/v1/roles", ADMIN),
        RouteRule.of(POST, "/v1/users", ADMIN),
        RouteRule.of(GET, "/v1/users", ADMIN),
        RouteRule.of(GET, "/v1/users/{username}", ADMIN),
        RouteRule.of(PATCH, "/v1/users/{username}", ADMIN),
        RouteRule.of(POST, "/v1/api-keys", ADMIN),
        RouteRule.of(GET, "/v1/api-keys", ADMIN),
        RouteRule.of(GET, "/v1/api-keys/{keyId}", ADMIN),
        RouteRule.of(DELETE, "/v1/api-keys/{keyId}", ADMIN),
        RouteRule.open(GET, "/console/login", "the sign-in form; it shows nothing else"),
        RouteRule.open(POST, "/console/login", "where the sign-in form posts (Spring"
            + " Security's form login, CSRF-checked and throttled)"),
        RouteRule.open(GET, "/console/assets/**", "the console's stylesheet and scripts,"
            + " which hold no data"),
        RouteRule.open(GET, "/console/oauth2/authorization/**", "starts a single sign-on: it"
            + " only redirects to the issuer"),
        RouteRule.open(GET, "/console/login/oauth2/code/*", "where the issuer sends a person"
            + " back; the code is checked against the state and PKCE verifier in the session"),
        RouteRule.of(POST, "/console/logout", AGENT, AUDITOR, ADMIN),
        RouteRule.of(GET, "/console", AGENT, ADMIN),
        RouteRule.of(GET, "/console/holds", AGENT),
        RouteRule.of(GET, "/console/holds/next", ANALYST),
        RouteRule.of(GET, "/console/holds/{holdId}", AGENT),
        RouteRule.of(GET, "/console/holds/{holdId}/{action}", ANALYST),
        RouteRule.of(POST, "/console/holds/{holdId}/{action}", ANALYST),
        RouteRule.of(GET, "/console/calls", AGENT),
        RouteRule.of(POST, "/console/calls/next", AGENT),
        RouteRule.of(GET, "/console/calls/{taskId}", AGENT),
        RouteRule.of(POST, "/console/calls/{taskId}/claim", AGENT),
        RouteRule.of(POST, "/console/calls/{taskId}/outcome", AGENT),
        RouteRule.of(GET, "/console/approvals", ANALYST),
        RouteRule.of(GET, "/console/cases/{caseId}", ANALYST),
        RouteRule.of(GET, "/console/kpis", ANALYST),
        RouteRule.of(GET, "/console/scammers/{scammerId}/graph", ANALYST),
        RouteRule.of(POST, "/console/cases/{caseId}/confirm", ANALYST),
        RouteRule.of(POST, "/console/cases/{caseId}/approve", ANALYST),
        RouteRule.of(POST, "/console/cases/{caseId}/reject", ANALYST),
        RouteRule.of(GET, "/console/rules", ANALYST),
        RouteRule.of(GET, "/console/admin/users", ADMIN),
        RouteRule.of(POST, "/console/admin/users", ADMIN),
        RouteRule.of(GET, "/console/admin/users/{username}", ADMIN),
        RouteRule.of(POST, "/console/admin/users/{username}/{change}", ADMIN),
        RouteRule.of(GET, "/console/admin/keys", ADMIN),
        RouteRule.of(POST, "/console/admin/keys", ADMIN),
        RouteRule.of(GET, "/console/admin/keys/created", ADMIN),
        RouteRule.of(POST, "/console/admin/keys/{keyId}/revoke", ADMIN),
        RouteRule.of(POST, "/console/rules/validate", ANALYST),
        RouteRule.of(GET, "/console/rules/drafts/new", ANALYST),
        RouteRule.of(POST, "/console/rules/drafts", ANALYST),
        RouteRule.of(GET, "/console/rules/drafts/{draftId}", ANALYST),
        RouteRule.of(GET, "/console/rules/drafts/{draftId}/publish", SUPERVISOR),
        RouteRule.of(POST, "/console/rules/drafts/{draftId}/publish", SUPERVISOR),
        RouteRule.of(GET, "/console/rules/drafts/{draftId}/withdraw", ANALYST),
        RouteRule.of(POST, "/console/rules/drafts/{draftId}/withdraw", ANALYST),
        RouteRule.of(GET, "/v1/hold-queue", AGENT),
        RouteRule.open(null, "/error", "the servlet container forwards requests that failed"
            + " before reaching a controller here; it only renders that failure"),
        RouteRule.open(GET, "/actuator/health",
            "load balancers probe it without credentials; it says UP or DOWN and nothing else"),
        RouteRule.open(GET, "/actuator/health/**", "liveness and readiness probes, as above"),
        RouteRule.of(GET, "/actuator/prometheus", ADMIN, "SCOPE_metrics"),
        RouteRule.of(GET, "/actuator/metrics", ADMIN, "SCOPE_metrics"),
        RouteRule.of(GET, "/actuator/metrics/{name}", ADMIN, "SCOPE_metrics"),
        RouteRule.of(GET, "/actuator/info", ADMIN, ANALYST),
        RouteRule.of(GET, "/actuator", ADMIN),
        RouteRule.of(GET, "/v3/api-docs", SCREEN, INGEST, ANALYST, ADMIN),
        RouteRule.of(GET, "/v3/api-docs/**", SCREEN, INGEST, ANALYST, ADMIN),
        RouteRule.of(GET, "/v3/api-docs.yaml", SCREEN, INGEST, ANALYST, ADMIN),
        RouteRule.of(GET, "/swagger-ui.html", ANALYST, ADMIN),
        RouteRule.of(GET, "/swagger-ui/**", ANALYST, ADMIN),
        // Single sign-on (security.oidc).
        RouteRule.open(GET, "/.well-known/oauth-protected-resource/**", "with single sign-on"
            + " on, tells OAuth clients whose tokens the API takes (RFC 9728): it names the"
            + " issuer and nothing else; without it there is nothing here"));
  }
}
