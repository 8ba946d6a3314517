package io.holdfast.server.holds;

import io.holdfast.core.feature.Feature;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.feature.FeatureVector;
import io.holdfast.core.hold.RecipientFindings;
import io.holdfast.core.hold.Hold;
import io.holdfast.core.intel.IntelIndex;
import io.holdfast.core.transfer.Counterparty;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The automatic checks re-run during a held hold's window (the re-check) and when a hold falls
 * due: has the recipient been put on an intel list, reported as a scammer, paid by an account
 * now frozen as a scammer ({@link FrozenPayers}), is the sender's own earlier payment to it under
 * investigation or returned ({@link EarlierHoldOfSender}), have other senders stopped their held
 * payments to it ({@link StoppedByOthers}), is it now receiving held payments from several
 * other senders, has it (young) collected from many new senders or passed money on within
 * hours ({@link RecipientFindings}), or were other senders' payments to it held during this
 * hold's window ({@link HeldAlongside})? Any of these is an open finding, checked in that order:
 * during the window the hold is escalated to investigation, at the deadline it is extended or
 * returned instead of released. Checks for a whole batch run as one query, so a sweep or a
 * re-check stays fast.
 */
@Component
public class HoldInvestigation {
  /** Other senders with active holds to the same recipient that make a finding. */
  static final int OTHER_HELD_SENDERS_MIN = 2;

  private final IntelIndex intel;
  private final FeatureStore features;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final FrozenPayers frozenPayers;
  private final RecipientHolds recipientHolds;

  public HoldInvestigation(IntelIndex intel, FeatureStore features, JdbcTemplate jdbc,
      Clock clock) {
    this.intel = intel;
    this.features = features;
    this.jdbc = jdbc;
    this.clock = clock;
    this.frozenPayers = new FrozenPayers(jdbc);
    this.recipientHolds = new RecipientHolds(jdbc);
  }

  /** The open finding for each hold that has one, by hold id. */
  public Map<String, String> findings(List<Hold> holds) {
    Map<String, String> findings = new HashMap<>();
    Map<String, Integer> otherSenders = heldSendersByRecipient(holds);
    List<String> recipients = holds.stream().map(h -> h.terms().recipientKey()).distinct()
        .toList();
    Map<String, String> paidByFrozen = frozenPayers.findings(recipients, clock.instant());
    Map<String, List<RecipientHolds.RecipientHold>> otherHolds = recipientHolds.byRecipient(
        recipients, clock.instant());
    for (Hold hold : holds) {
      String finding = finding(hold, otherSenders, paidByFrozen, otherHolds);
      if (finding != null) {
        findings.put(hold.holdId(), finding);
      }
    }
    return findings;
  }

  private String finding(Hold hold, Map<String, Integer> heldSenders,
      Map<String, String> paidByFrozen,
      Map<String, List<RecipientHolds.RecipientHold>> otherHolds) {
    if (hold instanceof Hold.UnderInvestigation u) {
      return u.finding();
    }
    String recipient = hold.terms().recipientKey();
    List<String> lists = intel.lookup(Counterparty.fromKey(recipient));
    if (!lists.isEmpty()) {
      return "recipient is now on intel list " + String.join(", ", lists);
    }
    int reports = features.reportCount(recipient);
    if (reports > 0) {
      return "recipient was reported as a scammer by " + reports + " reporter(s)";
    }
    if (paidByFrozen.containsKey(recipient)) {
      return paidByFrozen.get(recipient);
    }
    String earlier = EarlierHoldOfSender.finding(hold.terms().senderAccount(),
        hold.terms().createdAt(), otherHolds.get(recipient));
    if (earlier != null) {
      return earlier;
    }
    String stoppedFinding = StoppedByOthers.finding(hold.terms().senderAccount(),
        otherHolds.get(recipient), clock.instant());
    if (stoppedFinding != null) {
      return stoppedFinding;
    }
    int others = heldSenders.getOrDefault(recipient, 0) - 1;
    if (others >= OTHER_HELD_SENDERS_MIN) {
      return "recipient has held payments from " + others + " other senders";
    }
    FeatureVector now = features.recipient(recipient, clock.instant(), new FeatureVector());
    return RecipientFindings.first(recipient.startsWith("x:"), now).orElseGet(
        () -> HeldAlongside.finding(hold.terms().senderAccount(), hold.terms().createdAt(),
            otherHolds.get(recipient), (long) now.get(Feature.RECIPIENT_DISTINCT_SENDERS_7D)));
  }

  private Map<String, Integer> heldSendersByRecipient(List<Hold> holds) {
    Set<String> recipients = new LinkedHashSet<>();
    holds.forEach(h -> recipients.add(h.terms().recipientKey()));
    Map<String, Integer> counts = new HashMap<>();
    if (recipients.isEmpty()) {
      return counts;
    }
    List<String> keys = new ArrayList<>(recipients);
    String marks = String.join(",", java.util.Collections.nCopies(keys.size(), "?"));
    jdbc.query("SELECT recipient_key, COUNT(DISTINCT sender_account) FROM holds"
            + " WHERE state IN ('HELD', 'UNDER_INVESTIGATION') AND recipient_key IN (" + marks
            + ") GROUP BY recipient_key",
        rs -> {
          counts.put(rs.getString(1), rs.getInt(2));
        }, keys.toArray());
    return counts;
  }
}
