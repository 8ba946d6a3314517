package io.holdfast.server.reports;

import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.freeze.Freeze;
import io.holdfast.core.freeze.FreezeBasis;
import io.holdfast.core.freeze.FreezeCandidate;
import io.holdfast.core.freeze.FreezeKind;
import io.holdfast.core.freeze.FreezePolicy;
import io.holdfast.core.money.MinorSums;
import io.holdfast.core.recovery.ReimbursementPolicy;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.verdict.ReportEvidence;
import io.holdfast.core.verdict.ScamVerdict;
import io.holdfast.core.verdict.ScamVerdictModel;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.cases.CaseRows;
import io.holdfast.server.cases.ClaimRows;
import io.holdfast.server.cases.CountedReports;
import io.holdfast.server.freezes.FreezeService;
import io.holdfast.server.holds.HoldService;
import io.holdfast.server.support.IdGenerator;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.ProblemType;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files a victim's report and acts on it in one transaction: gathers the evidence, asks the
 * Scam Verdict Model, links the report to what it names, moves named held transfers to
 * investigation, opens the victim's claim, and, when the verdict says scam and every freeze
 * policy agrees, freezes the recipient. The freeze instruction is committed with the report,
 * so "report accepted" and "freeze instruction committed" are the same moment.
 */
@Service
public class ReportService {
  private final ReportRows rows;
  private final ReportEvidenceQueries queries;
  private final ReportLinks links;
  private final CaseRows cases;
  private final ClaimRows claims;
  private final FreezeService freezes;
  private final HoldService holds;
  private final ScamVerdictModel model;
  private final FreezePolicy freezePolicy;
  private final ReimbursementPolicy reimbursement;
  private final AuditLog audit;
  private final TransactionTemplate tx;
  private final IdGenerator ids;
  private final Clock clock;
  private final MeterRegistry meters;
  private final int reportsPerDayMax;
  private final FeatureStore features;

  public ReportService(ReportRows rows, ReportEvidenceQueries queries, ReportLinks links,
      CaseRows cases, ClaimRows claims, FreezeService freezes, HoldService holds,
      ScamVerdictModel model, FreezePolicy freezePolicy, ReimbursementPolicy reimbursement,
      AuditLog audit, TransactionTemplate tx, IdGenerator ids, Clock clock, MeterRegistry meters,
      FeatureStore features,
      @Value("${holdfast.reports.per-reporter-per-day:5}") int reportsPerDayMax) {
    this.features = features;
    this.rows = rows;
    this.queries = queries;
    this.links = links;
    this.cases = cases;
    this.claims = claims;
    this.freezes = freezes;
    this.holds = holds;
    this.model = model;
    this.freezePolicy = freezePolicy;
    this.reimbursement = reimbursement;
    this.audit = audit;
    this.tx = tx;
    this.ids = ids;
    this.clock = clock;
    this.meters = meters;
    this.reportsPerDayMax = reportsPerDayMax;
  }

  /** What filing a report did. */
  public record Filed(String reportId, String caseId, String subjectKey, ScamVerdict verdict,
      String freezeId,
      List<String> freezeWithheld, List<String> holdsInvestigated, List<String> claimIds,
      boolean reporterPaid) {}

  public Filed file(ReportRequest request, String actor) {
    long started = System.nanoTime();
    Filed filed = tx.execute(status -> fileInTransaction(request, actor));
    // Committed: the report now counts against the recipient in screening and the holds'
    // investigation on this instance (others rebuild it from the reports table when they
    // start), but only when it counts by CountedReports' definition. Reports from people who
    // never paid it are what an adversary files against an honest shop: on the demo's seed 2,
    // three of them against one merchant returned 68 of its customers' held payments before
    // this rule. They still open a case for an analyst.
    if (CountedReports.counts(filed.reporterPaid(), null)) {
      features.recordReport(Counterparty.fromKey(filed.subjectKey()), request.reporterAccount());
    }
    meters.counter("holdfast.reports", "verdict", filed.verdict().outcome().name()).increment();
    if (filed.freezeId() != null) {
      // Measured after commit: from the report's arrival to its freeze instruction being durable.
      Timer.builder("holdfast.report.to_freeze").publishPercentileHistogram().register(meters)
          .record(Duration.ofNanos(System.nanoTime() - started));
    }
    return filed;
  }

  private Filed fileInTransaction(ReportRequest request, String actor) {
    Instant now = clock.instant();
    String reporter = request.reporterAccount();
    if (queries.reportsSince(reporter, now.minus(Duration.ofDays(1))) >= reportsPerDayMax) {
      throw new ApiProblem(ProblemType.REPORT_RATE_LIMITED, reporter + " filed "
          + reportsPerDayMax + " reports in the last 24 hours, the most allowed");
    }
    List<NamedTransfer> named = namedTransfers(request, now);
    String subject = request.recipientKey() != null ? request.recipientKey()
        : named.get(0).recipientKey();
    CaseRows.CaseRow theCase = cases.openFor(subject, request.scamType(), now);
    Judged judged = judge(request, subject, named, now);
    String reportId = ids.next("rpt");
    List<String> withheld = freezePolicy.withheld(judged.candidate());
    Freeze.Active freeze = withheld.isEmpty() ? freezes.freeze(new FreezeService.NewFreeze(
        theCase.caseId(), subject, FreezeBasis.VERDICT, FreezeKind.PRECAUTIONARY,
        "scam verdict on report " + reportId + " (p=" + judged.verdict().probability() + ")",
        actor)) : null;
    rows.insert(new ReportRows.NewReport(reportId, reporter, subject, theCase.caseId(),
        request.scamType(), request.narrative(), request.scammerMessages(),
        request.contactChannel(), judged.candidate().reporterPaidTarget(), judged.lossUsdMinor(),
        judged.verdict(), judged.evidenceView(), freeze == null ? null : freeze.freezeId(),
        freeze != null ? "frozen: " + freeze.freezeId()
            : "withheld: " + String.join("; ", withheld), now), links.of(request, subject, named));
    List<String> investigated = investigateHolds(named, reportId);
    List<String> claimIds = openClaims(theCase.caseId(), reportId, reporter, named, now);
    audit.record(actor, "report.filed", "report", reportId, null,
        judged.verdict().outcome().name(), "case " + theCase.caseId() + "; model "
            + judged.verdict().modelVersion() + (freeze != null ? "; froze " + subject
                : "; freeze withheld"));
    return new Filed(reportId, theCase.caseId(), subject, judged.verdict(),
        freeze == null ? null : freeze.freezeId(), withheld, investigated, claimIds,
        judged.candidate().reporterPaidTarget());
  }

  /** The named transfers, or the reporter's payments to the named recipient. */
  private List<NamedTransfer> namedTransfers(ReportRequest request, Instant now) {
    if (request.recipientKey() != null) {
      return queries.paymentsTo(request.reporterAccount(), request.recipientKey(), now);
    }
    List<NamedTransfer> named = queries.byIds(request.transferIds());
    if (named.size() != request.transferIds().size() || named.stream()
        .anyMatch(t -> !t.senderAccount().equals(request.reporterAccount()))) {
      throw ApiProblem.invalidField("transfer_ids", "every transfer named must exist and have"
          + " been sent by the reporter");
    }
    if (named.stream().map(NamedTransfer::recipientKey).distinct().count() != 1) {
      throw ApiProblem.invalidField("transfer_ids", "the transfers named go to different"
          + " recipients; file one report per recipient");
    }
    return named;
  }

  /** The verdict, the evidence it weighed, and the facts the freeze policies need. */
  private record Judged(ScamVerdict verdict, FreezeCandidate candidate, long lossUsdMinor,
      Map<String, Object> evidenceView) {}

  private Judged judge(ReportRequest request, String subject, List<NamedTransfer> named,
      Instant now) {
    String reporter = request.reporterAccount();
    boolean paid = named.stream().anyMatch(NamedTransfer::lost)
        || !queries.paymentsTo(reporter, subject, now).isEmpty();
    // Saturating: the loss is evidence the verdict weighs, like a feature (MinorSums).
    long lossUsd = named.stream().filter(NamedTransfer::lost)
        .mapToLong(NamedTransfer::amountUsdMinor).reduce(0, MinorSums::saturatingAdd);
    Double hoursSince = named.stream().map(NamedTransfer::createdAt).max(Instant::compareTo)
        .map(t -> Math.max(0, Duration.between(t, now).toMinutes()) / 60.0).orElse(null);
    String accountId = subject.startsWith("a:") ? subject.substring(2) : null;
    var facts = accountId == null ? java.util.Optional.<ReportEvidenceQueries.AccountFacts>empty()
        : queries.account(accountId, now);
    int others = queries.otherReporters(subject, reporter);
    ReportEvidence evidence = ReportEvidenceQueries.evidence(others,
        queries.fanIn(subject, now.minus(Duration.ofDays(30))),
        facts.map(ReportEvidenceQueries.AccountFacts::ageDays).orElse(null),
        accountId == null ? null : queries.turnaroundHours(accountId), paid, hoursSince, lossUsd,
        links.onIntelList(subject), queries.reporterHistory(reporter));
    ScamVerdict verdict = model.judge(request.text(), evidence);
    FreezeCandidate candidate = new FreezeCandidate(verdict.outcome(), verdict.probability(),
        paid, queries.otherPayingReporters(subject, reporter) + (paid ? 1 : 0),
        facts.map(ReportEvidenceQueries.AccountFacts::ageDays).orElse(null),
        facts.map(ReportEvidenceQueries.AccountFacts::kycLevel).orElse(null),
        accountId == null ? 0 : queries.counterparties(accountId), freezes.isFrozen(subject));
    return new Judged(verdict, candidate, lossUsd, evidenceView(evidence));
  }

  private List<String> investigateHolds(List<NamedTransfer> named, String reportId) {
    List<String> moved = new ArrayList<>();
    for (NamedTransfer t : named) {
      holds.investigate(t.transferId(), "report:" + reportId, "the sender reported a scam in "
          + reportId).ifPresent(h -> moved.add(h.holdId()));
    }
    return moved;
  }

  private List<String> openClaims(String caseId, String reportId, String reporter,
      List<NamedTransfer> named, Instant now) {
    Map<String, long[]> byCurrency = new LinkedHashMap<>();
    for (NamedTransfer t : named) {
      if (t.lost()) {
        long[] sums = byCurrency.computeIfAbsent(t.currency(), c -> new long[2]);
        sums[0] = Math.addExact(sums[0], t.amountMinor());
        sums[1] = Math.addExact(sums[1], t.amountUsdMinor());
      }
    }
    boolean vulnerable = links.vulnerable(reporter);
    List<String> ids = new ArrayList<>(byCurrency.size());
    for (Map.Entry<String, long[]> e : byCurrency.entrySet()) {
      long loss = e.getValue()[0];
      ids.add(claims.open(new ClaimRows.NewClaim(caseId, reportId, reporter, e.getKey(), loss,
          vulnerable, reimbursement.reimbursableMinor(loss, e.getValue()[1], vulnerable),
          reimbursement.decideBy(now)), now));
    }
    return ids;
  }

  private static Map<String, Object> evidenceView(ReportEvidence e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("other_reporters", e.otherReporters());
    m.put("recipient_fan_in_30d", e.recipientFanIn30d());
    m.put("recipient_age_days", e.recipientAgeDays());
    m.put("mule_turnaround_hours", e.muleTurnaroundHours());
    m.put("reporter_paid_recipient", e.reporterPaidRecipient());
    m.put("hours_since_transfer", e.hoursSinceTransfer());
    m.put("amount_usd_minor", e.amountUsdMinor());
    m.put("recipient_on_intel_list", e.recipientOnIntelList());
    m.put("reporter_confirmed_reports", e.reporterConfirmedReports());
    m.put("reporter_rejected_reports", e.reporterRejectedReports());
    return m;
  }
}
