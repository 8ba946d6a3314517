package io.holdfast.server.rules;

import io.holdfast.core.rule.Rule;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rule changes by people, four eyes: one person proposes a new rule or a new version of a live
 * rule as a draft, checked as {@link RuleSets} checks a rule; a second person publishes it,
 * which applies it through {@link RuleSets#create} or {@link RuleSets#update} in the same
 * transaction as the draft's new state and both audit records. The proposer can never publish
 * their own draft, whatever their roles. A draft proposed against a version of a rule that has
 * since changed is refused, so nobody publishes over a change they have not seen.
 */
@Service
public class RuleDrafts {
  static final int NOTE_MAX = 1_000;
  public static final int LIST_MAX = 200;

  private final RuleDraftRows rows;
  private final RuleRepository rules;
  private final RuleSets ruleSets;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;

  public RuleDrafts(RuleDraftRows rows, RuleRepository rules, RuleSets ruleSets, AuditLog audit,
      TransactionTemplate tx, IdGenerator ids, Clock clock) {
    this.rows = rows;
    this.rules = rules;
    this.ruleSets = ruleSets;
    this.audit = audit;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
  }

  /** Proposes the rule {@code body} describes; refused, with the field at fault, as POST /v1/rules refuses it. */
  public RuleDraftView propose(RuleDraftBody body, String actor) {
    String note = note(body.note());
    Rule checked = ruleSets.check(body.rule(), 1);
    return tx.execute(status -> {
      Optional<Rule> live = rules.find(checked.name());
      Integer base = live.map(Rule::version).orElse(null);
      Rule rule = checked.withVersion(base == null ? 1 : base + 1);
      String draftId = ids.next("rdr");
      rows.insert(draftId, rule, base, note, actor, clock.instant());
      audit.record(actor, "rule_draft.proposed", "rule_draft", draftId, null, rule.toString(),
          (base == null ? "a new rule " + rule.name() : "version " + rule.version() + " of rule "
              + rule.name()) + "; a second person must publish it"
              + (note == null ? "" : ": " + note));
      return view(rows.find(draftId).orElseThrow());
    });
  }

  public Optional<RuleDraftView> find(String draftId) {
    return rows.find(draftId).map(this::view);
  }

  /** The newest drafts, of {@code state} (proposed, published, withdrawn) or of all. */
  public RuleDraftList newest(String state, int limit) {
    if (limit < 1 || limit > LIST_MAX) {
      throw ApiProblem.invalidField("limit", "limit must be 1 to " + LIST_MAX);
    }
    String stored = null;
    if (state != null) {
      stored = state.toUpperCase(Locale.ROOT);
      if (!List.of("PROPOSED", "PUBLISHED", "WITHDRAWN").contains(stored)) {
        throw ApiProblem.invalidField("state", "state must be proposed, published or withdrawn");
      }
    }
    return new RuleDraftList(rows.newest(stored, limit).stream().map(this::view).toList(), limit);
  }

  /**
   * A second person publishes the draft: the rule goes live (after the commit) under the next
   * ruleset version, and the draft is marked published by them.
   */
  public RuleDraftView publish(String draftId, String actor) {
    return tx.execute(status -> {
      RuleDraftRows.Row row = open(draftId);
      if (row.proposedBy().equals(actor)) {
        throw new ApiProblem(ProblemType.SECOND_PERSON_REQUIRED, "the person who proposed"
            + " draft " + draftId + " cannot publish it; a second person must");
      }
      // Under the ruleset's lock, so the live rule cannot change between this check and the
      // change below.
      rules.lockVersion();
      Rule rule = row.rule();
      Optional<Rule> live = rules.find(rule.name());
      if (row.baseVersion() == null && live.isPresent()) {
        throw new ApiProblem(ProblemType.CONFLICT, "a rule named '" + rule.name() + "' was"
            + " added after draft " + draftId + " was proposed; propose a change of it instead");
      }
      if (row.baseVersion() != null
          && (live.isEmpty() || live.get().version() != row.baseVersion())) {
        throw new ApiProblem(ProblemType.CONFLICT, "rule " + rule.name() + " changed after"
            + " draft " + draftId + " was proposed against its version " + row.baseVersion()
            + "; propose again from the live rule");
      }
      RuleBody body = new RuleBody(rule.name(), rule.expression(),
          rule.outcome() == null ? null : rule.outcome().name(), rule.score(),
          rule.reasonCode(), rule.description(), rule.status().name());
      RuleView published = row.baseVersion() == null ? ruleSets.create(body)
          : ruleSets.update(rule.name(), body);
      rows.published(draftId, actor, clock.instant());
      audit.record(actor, "rule_draft.published", "rule_draft", draftId, "PROPOSED",
          "PUBLISHED", "proposed by " + row.proposedBy() + "; rule " + published.name()
              + " version " + published.version() + " is live");
      return view(rows.find(draftId).orElseThrow());
    });
  }

  /** The proposer, or a supervisor, withdraws a draft no one has published. */
  public RuleDraftView withdraw(String draftId, String actor, boolean supervisor) {
    return tx.execute(status -> {
      RuleDraftRows.Row row = open(draftId);
      if (!row.proposedBy().equals(actor) && !supervisor) {
        throw new ApiProblem(ProblemType.FORBIDDEN, "only the person who proposed draft "
            + draftId + ", or a supervisor, may withdraw it");
      }
      rows.withdrawn(draftId, actor, clock.instant());
      audit.record(actor, "rule_draft.withdrawn", "rule_draft", draftId, "PROPOSED",
          "WITHDRAWN", "proposed by " + row.proposedBy());
      return view(rows.find(draftId).orElseThrow());
    });
  }

  /** The draft, locked, if no one has published or withdrawn it yet. */
  private RuleDraftRows.Row open(String draftId) {
    RuleDraftRows.Row row = rows.lock(draftId)
        .orElseThrow(() -> ApiProblem.notFound("draft " + draftId));
    if (!"PROPOSED".equals(row.state())) {
      throw new ApiProblem(ProblemType.CONFLICT, "draft " + draftId + " was already "
          + row.state().toLowerCase(Locale.ROOT) + "; a draft is decided once");
    }
    return row;
  }

  private RuleDraftView view(RuleDraftRows.Row row) {
    RuleView live = rules.find(row.rule().name()).map(RuleView::of).orElse(null);
    return new RuleDraftView(row.draftId(), row.state().toLowerCase(Locale.ROOT),
        row.baseVersion() == null ? "new" : "change", RuleView.of(row.rule()), row.baseVersion(),
        live, row.note(), row.proposedBy(), row.proposedAt(), row.publishedBy(),
        row.publishedAt(), row.withdrawnBy(), row.withdrawnAt());
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.strip().length() > NOTE_MAX) {
      throw ApiProblem.invalidField("note", "note must be at most 1,000 characters");
    }
    return note.strip();
  }
}
