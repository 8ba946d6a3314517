package io.holdfast.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.core.screening.Outcome;
import io.holdfast.core.transfer.Counterparty;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every address OFAC really lists must load: the published list is the acceptance test. */
class OfacFilesTest {
  private static final List<String> SUFFIXES = List.of("ARB", "BCH", "BSC", "BSV", "BTG",
      "DASH", "ETC", "ETH", "LTC", "TRX", "USDC", "USDT", "XBT", "XMR", "XRP", "XVG", "ZEC");

  static Stream<Arguments> files() {
    return SUFFIXES.stream().map(suffix -> Arguments.of(suffix, networkFor(suffix)));
  }

  /** XBT is OFAC's code for bitcoin; token files span networks, so their format decides. */
  private static String networkFor(String suffix) {
    return switch (suffix) {
      case "XBT" -> "BTC";
      case "USDT", "USDC" -> null;
      default -> suffix;
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyListedAddressIsAccepted(String suffix, String network) {
    ParseResult result = parse(suffix, network);

    assertThat(result.rejections()).isEmpty();
    assertThat(result.entries()).hasSize(lines(suffix).size());
  }

  @Test
  void theTronAddressFiledUnderBitcoinIsKeptAsTron() {
    ParseResult result = parse("XBT", "BTC");

    assertThat(result.notices()).hasSize(1);
    IntelEntry tron = result.entries().get(result.notices().get(0).line() - 1);
    assertThat(tron.address().network()).isEqualTo("TRX");
  }

  @Test
  void checksummedAndLowerCaseEthAddressesNormaliseAlike() {
    List<String> mixed = lines("ETH").stream()
        .filter(a -> !a.equals(a.toLowerCase(Locale.ROOT))).toList();
    assertThat(mixed).isNotEmpty();

    for (String address : mixed) {
      String fromMixed = valid("ETH", address).address();
      assertThat(valid("ETH", address.toLowerCase(Locale.ROOT)).address()).isEqualTo(fromMixed);
      assertThat(fromMixed).isEqualTo(address.toLowerCase(Locale.ROOT));
    }
  }

  @Test
  void indexFromEthFileFindsEverySpellingOnEveryEvmChain() {
    IntelIndex index = new IntelIndex();
    index.putList(new IntelList("ofac", Outcome.BLOCK, "OFAC SDN"));
    for (IntelEntry entry : parse("ETH", "ETH").entries()) {
      index.addAddress("ofac", entry.address());
    }

    for (String address : lines("ETH")) {
      String hex = address.substring(2);
      List<String> spellings = List.of(address, address.toLowerCase(Locale.ROOT),
          "0x" + hex.toUpperCase(Locale.ROOT), Eip55.checksummed(hex.toLowerCase(Locale.ROOT)),
          " \t\uFEFF" + address + "\r\n");
      for (String spelling : spellings) {
        for (String network : List.of("ETH", "BSC")) {
          AddressCheck.Valid valid = valid(network, spelling);
          Counterparty party = new Counterparty.ExternalAddress(valid.network(), valid.address());
          assertThat(index.lookup(party)).as(spelling + " on " + network).containsExactly("ofac");
        }
      }
    }
  }

  private static AddressCheck.Valid valid(String network, String address) {
    AddressCheck check = AddressNormalizer.normalize(network, address);
    assertThat(check).as(address).isInstanceOf(AddressCheck.Valid.class);
    return (AddressCheck.Valid) check;
  }

  private static ParseResult parse(String suffix, String network) {
    try (Reader reader = new InputStreamReader(open(suffix), StandardCharsets.UTF_8)) {
      return IntelLineParser.parse(reader, network);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String suffix) {
    try (InputStream in = open(suffix)) {
      List<String> lines = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String suffix) {
    InputStream in =
        OfacFilesTest.class.getResourceAsStream("/ofac/sanctioned_addresses_" + suffix + ".txt");
    assertThat(in).as("resource for " + suffix).isNotNull();
    return in;
  }
}
