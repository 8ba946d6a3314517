package io.holdfast.server.accounts;

import io.holdfast.core.account.AccountEventType;
import io.holdfast.core.account.AccountProfile;
import io.holdfast.core.feature.FeatureStore;
import io.holdfast.core.money.Money;
import io.holdfast.server.audit.AuditLog;
import io.holdfast.server.security.Actor;
import io.holdfast.server.screening.TransferParser;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Account profiles and account events. The feature state learns of a change only after it is
 * committed, so it never holds what the database does not.
 */
@Service
public class AccountsService {
  private final AccountRepository accounts;
  private final AccountEvents events;
  private final AuditLog audit;
  private final FeatureStore features;
  private final TransferParser parser;

  public AccountsService(AccountRepository accounts, AccountEvents events, AuditLog audit,
      FeatureStore features, TransferParser parser) {
    this.accounts = accounts;
    this.events = events;
    this.audit = audit;
    this.features = features;
    this.parser = parser;
  }

  /** Creates or replaces a profile; returns whether it was created. */
  @Transactional
  public boolean put(String accountId, AccountBody body) {
    AccountProfile profile = AccountParser.parse(accountId, body, parser);
    Optional<AccountProfile> before = accounts.findForUpdate(accountId);
    if (before.isPresent() && before.get().equals(profile)) {
      return false;
    }
    accounts.upsert(profile, before.isPresent());
    audit.record(Actor.current(), before.isPresent() ? "account.updated" : "account.created",
        "account", accountId, before.map(AccountView::of).map(Object::toString).orElse(null),
        AccountView.of(profile).toString(), null);
    afterCommit(() -> features.putProfile(profile));
    return before.isEmpty();
  }

  /** Records an event; returns false when the same event was already recorded. */
  @Transactional
  public boolean recordEvent(String accountId, EventBody body) {
    String eventId = Ids.require("event_id", body.eventId());
    AccountEventType type = AccountEventType.byWireName(body.type() == null ? "" : body.type())
        .orElseThrow(() -> ApiProblem.invalidField("type", "type must be one of new_device_login,"
            + " password_reset, two_fa_change, contact_change, deposit"));
    Instant at = parser.reported("occurred_at", body.occurredAt());
    Money deposit = deposit(type, body);
    check("device_id", body.deviceId(), 200);
    check("ip", body.ip(), 64);
    AccountEvents.Event event = new AccountEvents.Event(eventId, accountId, type, at,
        body.deviceId(), body.ip(), deposit);
    if (!events.insert(event)) {
      if (!events.find(eventId).map(event::sameAs).orElse(false)) {
        throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
            "event_id " + eventId + " was already recorded with different fields");
      }
      return false;
    }
    audit.record(Actor.current(), "account_event.recorded", "account", accountId, null,
        "{\"event_id\":\"" + eventId + "\",\"type\":\"" + type.wireName() + "\"}", null);
    long usd = deposit == null ? 0 : deposit.usdCents();
    afterCommit(() -> features.recordEvent(accountId, type, at, usd));
    return true;
  }

  private Money deposit(AccountEventType type, EventBody body) {
    if (type != AccountEventType.DEPOSIT) {
      if (body.amountMinor() != null || body.currency() != null) {
        throw ApiProblem.invalidField("amount_minor", "amount_minor and currency go with"
            + " deposits only");
      }
      return null;
    }
    return parser.money(body.amountMinor(), body.currency());
  }

  private static void check(String field, String value, int lengthMax) {
    if (value != null && (value.isEmpty() || value.length() > lengthMax)) {
      throw ApiProblem.invalidField(field, field + " must be 1 to " + lengthMax + " characters");
    }
  }

  static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }

  public Optional<AccountProfile> find(String accountId) {
    return accounts.find(accountId);
  }
}
