package io.holdfast.server.reports;

import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.report.Mentions;
import io.holdfast.core.transfer.Counterparty;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a report links to: the transfers it names, the recipient, the recipient's latest
 * inbound transfers and active holds, the other reports against it, and the addresses and
 * accounts its text mentions. Each kind is bounded, so a report on a busy recipient stays small.
 */
@Component
class ReportLinks {
  static final int PER_KIND_MAX = 100;

  private final ReportRows rows;
  private final IntelIndex intel;
  private final JdbcTemplate jdbc;

  ReportLinks(ReportRows rows, IntelIndex intel, JdbcTemplate jdbc) {
    this.rows = rows;
    this.intel = intel;
    this.jdbc = jdbc;
  }

  List<ReportRows.Link> of(ReportRequest request, String subject, List<NamedTransfer> named) {
    List<ReportRows.Link> links = new ArrayList<>();
    links.add(new ReportRows.Link("RECIPIENT", subject));
    for (NamedTransfer t : named.subList(0, Math.min(named.size(), PER_KIND_MAX))) {
      links.add(new ReportRows.Link("TRANSFER", t.transferId()));
    }
    for (String id : rows.inboundTransfers(subject, PER_KIND_MAX)) {
      links.add(new ReportRows.Link("INBOUND_TRANSFER", id));
    }
    for (String id : rows.activeHoldsTo(subject, PER_KIND_MAX)) {
      links.add(new ReportRows.Link("HOLD", id));
    }
    for (String id : rows.reportsAgainst(subject, PER_KIND_MAX)) {
      links.add(new ReportRows.Link("REPORT", id));
    }
    Mentions.Found found = Mentions.in(request.text());
    for (AddressCheck.Valid a : found.addresses()) {
      links.add(new ReportRows.Link("MENTIONED_ADDRESS",
          new Counterparty.ExternalAddress(a.indexNetwork(), a.address()).key()));
    }
    for (String account : rows.existingAccounts(found.accountCandidates())) {
      links.add(new ReportRows.Link("MENTIONED_ACCOUNT", "a:" + account));
    }
    return links;
  }

  boolean onIntelList(String subject) {
    return !intel.lookup(Counterparty.fromKey(subject)).isEmpty();
  }

  /** Whether the platform registered the account as vulnerable. */
  boolean vulnerable(String accountId) {
    List<String> flags = jdbc.queryForList("SELECT vulnerability_flags FROM accounts"
        + " WHERE account_id = ?", String.class, accountId);
    return !flags.isEmpty() && !flags.get(0).isBlank();
  }
}
