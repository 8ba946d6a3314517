package io.holdfast.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressNormalizerTest {
  private static final String BTC_LEGACY = "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu";
  private static final String TRX = "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre";

  @ParameterizedTest
  @ValueSource(strings = {
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"
  })
  void eip55ExamplesAreValidAndNormaliseToLowerCase(String address) {
    AddressCheck.Valid valid = valid("eth", address);

    assertThat(valid.address()).isEqualTo(address.toLowerCase());
    assertThat(valid.network()).isEqualTo("ETH");
    assertThat(valid.indexNetwork()).isEqualTo("EVM");
    assertThat(Eip55.checksummed(address.substring(2).toLowerCase())).isEqualTo(address);
  }

  @Test
  void eip55TypoIsInvalid() {
    // One hex digit changed (the sixth, 6 -> 7) while keeping the original mixed case.
    String typo = "0x5aAeb7053F3E94C9b9A09f33669435E7Ef1BeAed";

    assertThat(invalid("ETH", typo)).contains("EIP-55").contains("lower case");
  }

  @Test
  void singleCaseEvmAddressesNeedNoChecksum() {
    String upper = "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED";

    assertThat(valid("BSC", upper).address()).isEqualTo(upper.toLowerCase().replace("0X", "0x"));
    assertThat(valid("matic", upper).network()).isEqualTo("POLYGON");
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
    "BC1SW50QGDZ25J",
    "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"
  })
  void segwitVectorsAreValidAndLowerCase(String address) {
    assertThat(valid("XBT", address).address()).isEqualTo(address.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // Witness version 1 with a bech32 (not bech32m) checksum, from BIP-350.
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
    // Mixed case.
    "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
    // Checksum broken by a changed last character.
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"
  })
  void brokenSegwitIsInvalid(String address) {
    assertThat(invalid("BTC", address)).startsWith("address " + address);
  }

  @Test
  void mixedCaseBech32SaysWhy() {
    assertThat(invalid("BTC", "bc1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")).contains("case");
  }

  @Test
  void changedCharacterFailsBase58Checksum() {
    assertThat(valid("BTC", BTC_LEGACY).address()).isEqualTo(BTC_LEGACY);

    assertThat(invalid("BTC", "1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggv")).contains("checksum");
  }

  @Test
  void bitcoinAddressForLitecoinSaysWhichNetworkItLooksLike() {
    assertThat(invalid("LTC", BTC_LEGACY)).contains("not a LTC address").contains("BTC");
  }

  @Test
  void tronAddressForEthereumSaysItLooksLikeTron() {
    assertThat(invalid("ETH", TRX)).contains("not a ETH address").contains("TRX");
  }

  @Test
  void cashAddrIsCheckedAndAlwaysCarriesItsPrefix() {
    String bare = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";

    assertThat(valid("BCH", bare).address()).isEqualTo("bitcoincash:" + bare);
    assertThat(valid("bch", "BITCOINCASH:" + bare.toUpperCase()).address())
        .isEqualTo("bitcoincash:" + bare);
    assertThat(invalid("BCH", "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6c")).contains("checksum");
    assertThat(valid("BCH", BTC_LEGACY).address()).isEqualTo(BTC_LEGACY);
  }

  @Test
  void solanaKeysDecodeToThirtyTwoBytes() {
    assertThat(valid("SOL", "So11111111111111111111111111111111111111112").network())
        .isEqualTo("SOL");
    assertThat(valid("SOL", "11111111111111111111111111111111").address())
        .isEqualTo("11111111111111111111111111111111");
    assertThat(invalid("SOL", "So1111111111111111111111111111111111")).contains("32-byte");
  }

  @Test
  void aliasesMapToCanonicalNetworks() {
    assertThat(valid("tron", TRX).network()).isEqualTo("TRX");
    assertThat(valid("TRC20", TRX).network()).isEqualTo("TRX");
    assertThat(valid("Arbitrum", "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c").network())
        .isEqualTo("ARB");
    assertThat(valid("bep20", "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c").network())
        .isEqualTo("BSC");
  }

  @Test
  void unknownNetworkIsInvalidAndListsTheKnownOnes() {
    assertThat(invalid("FOO", TRX)).contains("unknown network FOO").contains("ETH");
  }

  @Test
  void hugeInputIsInvalid() {
    assertThat(invalid("BTC", "1".repeat(10_000))).contains("longer than");
  }

  @Test
  void emptyAddressIsInvalid() {
    assertThat(invalid("BTC", "")).contains("empty");
    assertThat(invalid("BTC", " \t\r\n\uFEFF")).contains("empty");
  }

  @Test
  void detectRecognisesOnlyUnambiguousFormats() {
    Optional<AddressCheck.Valid> evm = AddressNormalizer.detect(
        " 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed ");
    assertThat(evm).hasValueSatisfying(v -> {
      assertThat(v.network()).isEqualTo("EVM");
      assertThat(v.indexNetwork()).isEqualTo("EVM");
      assertThat(v.address()).isEqualTo("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    });
    assertThat(AddressNormalizer.detect(TRX)).map(AddressCheck.Valid::network).hasValue("TRX");
    assertThat(AddressNormalizer.detect(BTC_LEGACY)).map(AddressCheck.Valid::network)
        .hasValue("BTC");
    assertThat(AddressNormalizer.detect("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
        .map(AddressCheck.Valid::network).hasValue("BTC");
    assertThat(AddressNormalizer.detect("0x5aAeb7053F3E94C9b9A09f33669435E7Ef1BeAed")).isEmpty();
    assertThat(AddressNormalizer.detect("LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb")).isEmpty();
    assertThat(AddressNormalizer.detect("")).isEmpty();
  }

  private static AddressCheck.Valid valid(String network, String address) {
    AddressCheck check = AddressNormalizer.normalize(network, address);
    assertThat(check).as(network + " " + address).isInstanceOf(AddressCheck.Valid.class);
    return (AddressCheck.Valid) check;
  }

  private static String invalid(String network, String address) {
    AddressCheck check = AddressNormalizer.normalize(network, address);
    assertThat(check).as(network + " " + address).isInstanceOf(AddressCheck.Invalid.class);
    return ((AddressCheck.Invalid) check).reason();
  }
}
