package io.holdfast.core.intel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class IntelLineParserTest {
  private static final String ETH = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  private static final String TRX = "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre";

  @Test
  void csvWithHeaderReadsNetworkAccountAndNote() {
    String csv = """
        # exported from the case system
        Network,Address,Account,Note
        eth,%s,,"phishing, reported twice"
        ,,acct-9,mule account
        TRX,%s,,
        ETH,0x5aAeb7053F3E94C9b9A09f33669435E7Ef1BeAed,,typo
        ,,,
        """.formatted(ETH, TRX);

    ParseResult result = IntelLineParser.parse(new StringReader(csv), null);

    assertThat(result.entries()).hasSize(3);
    IntelEntry first = result.entries().get(0);
    assertThat(first.line()).isEqualTo(3);
    assertThat(first.address().address()).isEqualTo(ETH.toLowerCase());
    assertThat(first.note()).isEqualTo("phishing, reported twice");
    assertThat(result.entries().get(1).accountId()).isEqualTo("acct-9");
    assertThat(result.entries().get(2).address().network()).isEqualTo("TRX");
    assertThat(result.rejections()).extracting(LineRejection::line).containsExactly(6, 7);
    assertThat(result.rejections().get(0).reason()).contains("EIP-55");
  }

  @Test
  void plainFileUsesTheDefaultNetworkAndSkipsCommentsAndBlanks() {
    String plain = "\uFEFF# OFAC ETH\n\n" + ETH + "\r\n  \n#x\n0xnothex\r\n" + ETH.toLowerCase();

    ParseResult result = IntelLineParser.parse(new StringReader(plain), "BSC");

    assertThat(result.entries()).extracting(IntelEntry::line).containsExactly(3, 7);
    assertThat(result.entries()).extracting(e -> e.address().network()).containsOnly("BSC");
    assertThat(result.rejections()).extracting(LineRejection::line).containsExactly(6);
  }

  @Test
  void plainFileWithoutNetworkDetectsOrRejects() {
    String plain = ETH + "\nLNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb\n" + TRX + "\n";

    ParseResult result = IntelLineParser.parse(new StringReader(plain), null);

    assertThat(result.entries()).extracting(e -> e.address().network())
        .containsExactly("EVM", "TRX");
    assertThat(result.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.reason()).contains("network");
    });
  }

  @Test
  void overlongLinesAreRejectedWithoutBeingKept() {
    String plain = ETH + "\n" + "x".repeat(IntelLineParser.MAX_LINE_CHARS + 10) + "\n" + ETH;

    ParseResult result = IntelLineParser.parse(new StringReader(plain), "ETH");

    assertThat(result.entries()).extracting(IntelEntry::line).containsExactly(1, 3);
    assertThat(result.rejections()).singleElement().satisfies(r -> {
      assertThat(r.line()).isEqualTo(2);
      assertThat(r.reason()).contains("longer than");
    });
  }
}
