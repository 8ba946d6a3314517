package io.holdfast.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MentionsTest {
  @Test
  void findsValidAddressesAndAccountLikeTokensInFreeText() {
    Mentions.Found found = Mentions.in("He told me to send USDT to"
        + " 0x8576aCC5C05D6Ce88f4e49bf65BdF0C62F91353C, then pay his partner @trader_77."
        + " Also 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 (bitcoin).");
    assertThat(found.addresses()).extracting(a -> a.indexNetwork()).containsExactly("EVM", "BTC");
    assertThat(found.addresses().get(0).address())
        .isEqualTo("0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c");
    assertThat(found.accountCandidates()).contains("trader_77");
  }

  @Test
  void anInvalidChecksumOrPlainWordIsNotAnAddress() {
    Mentions.Found found = Mentions.in("send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 now please"
        + " 你好 مرحبا");
    assertThat(found.addresses()).isEmpty();
  }

  @Test
  void theWorkIsBounded() {
    String text = "a1 ".repeat(100_000);
    Mentions.Found found = Mentions.in(text);
    assertThat(found.accountCandidates()).hasSizeLessThanOrEqualTo(Mentions.FOUND_MAX);
  }
}
