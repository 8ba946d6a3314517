package io.holdfast.core.money;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The currencies a deployment accepts. An amount in any other currency is rejected. */
public final class CurrencyCatalog {
  private final Map<String, Currency> byCode = new LinkedHashMap<>();

  public CurrencyCatalog(Collection<Currency> currencies) {
    for (Currency c : currencies) {
      byCode.put(c.code(), c);
    }
  }

  /**
   * Indicative defaults for the currencies an exchange or payment app commonly moves. Rates are
   * round numbers on purpose: they only put amounts in different currencies on one scale for
   * features and rules, and an operator overrides them in configuration. ETH and BNB are counted
   * in gwei (nine decimals), as exchanges do internally, so that any real amount fits a long.
   */
  public static CurrencyCatalog defaults() {
    return new CurrencyCatalog(
        List.of(
            new Currency("USD", 2, 100),
            new Currency("EUR", 2, 108),
            new Currency("GBP", 2, 127),
            new Currency("JPY", 0, 1),
            new Currency("BRL", 2, 18),
            new Currency("TRY", 2, 3),
            new Currency("USDT", 6, 100),
            new Currency("USDC", 6, 100),
            new Currency("BTC", 8, 6_000_000),
            new Currency("ETH", 9, 300_000),
            new Currency("BNB", 9, 60_000),
            new Currency("TRX", 6, 12),
            new Currency("SOL", 9, 15_000),
            new Currency("LTC", 8, 8_000),
            new Currency("XRP", 6, 60)));
  }

  public Optional<Currency> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  public Collection<Currency> all() {
    return byCode.values();
  }
}
