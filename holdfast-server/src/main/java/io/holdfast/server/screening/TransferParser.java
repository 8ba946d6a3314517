package io.holdfast.server.screening;

import io.holdfast.core.intel.AddressCheck;
import io.holdfast.core.intel.AddressNormalizer;
import io.holdfast.core.money.Currency;
import io.holdfast.core.money.CurrencyCatalog;
import io.holdfast.core.money.Money;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import io.holdfast.server.web.ApiProblem;
import io.holdfast.server.web.Ids;
import io.holdfast.server.web.ProblemType;
import io.holdfast.server.web.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns what a platform sent into a valid {@link Transfer}, or refuses it with the field and a
 * reason. Shared by the screening API and the bulk import, so both accept exactly the same data.
 */
public final class TransferParser {
  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  private final CurrencyCatalog currencies;
  private final Clock clock;

  public TransferParser(CurrencyCatalog currencies, Clock clock) {
    this.currencies = currencies;
    this.clock = clock;
  }

  public Transfer parse(TransferBody body) {
    String transferId = Ids.require("transfer_id", body.transferId());
    String sender = Ids.require("sender_account", body.senderAccount());
    Counterparty recipient = recipient(body.recipientAccount(), body.recipientAddress(),
        body.network());
    if (recipient instanceof Counterparty.PlatformAccount p && p.accountId().equals(sender)) {
      throw ApiProblem.invalidField("recipient_account",
          "recipient_account is the sender; a transfer to oneself is not screened");
    }
    Money amount = money(body.amountMinor(), body.currency());
    String channel = body.channel();
    if (channel == null || !CHANNEL.matcher(channel).matches()) {
      throw ApiProblem.invalidField("channel",
          "channel is required: lower-case letters, digits and _, such as 'withdrawal' or 'p2p'");
    }
    Instant createdAt = createdAt(body.createdAt());
    return new Transfer(transferId, sender, recipient, amount, channel, createdAt);
  }

  public Counterparty recipient(String account, String address, String network) {
    boolean hasAccount = account != null && !account.isEmpty();
    boolean hasAddress = address != null && !address.isEmpty();
    if (hasAccount == hasAddress) {
      throw ApiProblem.invalidField("recipient_account",
          "send exactly one of recipient_account, or recipient_address with network");
    }
    if (hasAccount) {
      if (network != null && !network.isEmpty()) {
        throw ApiProblem.invalidField("network", "network goes with recipient_address only");
      }
      return new Counterparty.PlatformAccount(Ids.require("recipient_account", account));
    }
    if (network == null || network.isEmpty()) {
      throw ApiProblem.invalidField("network", "network is required with recipient_address");
    }
    AddressCheck check = AddressNormalizer.normalize(network, address);
    if (check instanceof AddressCheck.Valid valid) {
      return new Counterparty.ExternalAddress(valid.network(), valid.address());
    }
    throw new ApiProblem(ProblemType.INVALID_ADDRESS, ((AddressCheck.Invalid) check).reason(),
        Map.of("field", "recipient_address"));
  }

  public Money money(Long amountMinor, String currencyCode) {
    if (amountMinor == null) {
      throw ApiProblem.invalidField("amount_minor", "amount_minor is required");
    }
    if (amountMinor <= 0) {
      throw ApiProblem.invalidField("amount_minor",
          "amount_minor must be a positive whole number of minor units, was " + amountMinor);
    }
    if (amountMinor > Money.ACCEPTED_MAX_MINOR) {
      throw ApiProblem.invalidField("amount_minor", "amount_minor is above "
          + Money.ACCEPTED_MAX_MINOR + ", more than any one payment");
    }
    if (currencyCode == null || currencyCode.isEmpty()) {
      throw ApiProblem.invalidField("currency", "currency is required");
    }
    Currency currency = currencies.find(currencyCode).orElseThrow(() ->
        ApiProblem.invalidField("currency", "unknown currency '" + abbreviate(currencyCode)
            + "'; accepted: " + currencies.all().stream().map(Currency::code).toList()));
    return new Money(amountMinor, currency);
  }

  /** The time a transfer or an account was created; absent, the server's time. */
  public Instant createdAt(String text) {
    return reported("created_at", text);
  }

  /**
   * The time the platform says something already happened, in field {@code field}: within
   * {@link Timestamps}' range and at most {@link Timestamps#REPORTED_AHEAD_MAX} past this
   * server's clock; absent, the server's time.
   */
  public Instant reported(String field, String text) {
    Instant now = clock.instant();
    if (text == null || text.isEmpty()) {
      return now;
    }
    return Timestamps.reported(field, text, now);
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "..." : s;
  }
}
