package io.holdfast.core.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerdictTokenizerTest {
  @Test
  void lowerCasesAndKeepsWordsOfAnyScript() {
    assertThat(VerdictTokenizer.tokens("Me ESTAFARON mañana, जल्दी करो! Wallet-Verification"))
        .containsExactly("me", "estafaron", "mañana", "जल्दी", "करो", "wallet", "verification");
  }

  @Test
  void digitsGeneraliseByShapeAndApostrophesStayInTheWord() {
    assertThat(VerdictTokenizer.tokens("Call 09061701461 now, don't wait; it's £1,500"))
        .containsExactly("call", "00000000000", "now", "dont", "wait", "its", "0", "000");
  }

  @Test
  void featuresAreUnigramsAndBigramsThatNeverCrossAClauseBreak() {
    assertThat(VerdictTokenizer.features("Wallet verification. Guaranteed \"double\" returns"))
        .containsExactly("b:wallet_verification", "w:double", "w:guaranteed", "w:returns",
            "w:verification", "w:wallet");
    assertThat(VerdictTokenizer.words("b:wallet_verification")).isEqualTo("wallet verification");
  }

  @Test
  void everyInputIsBounded() {
    String huge = "scam ".repeat(50_000);
    assertThat(VerdictTokenizer.tokens(huge)).hasSize(VerdictTokenizer.MAX_TOKENS);
    String oneWord = "a".repeat(100_000);
    assertThat(VerdictTokenizer.tokens(oneWord)).singleElement()
        .satisfies(token -> assertThat(token).hasSize(VerdictTokenizer.MAX_TOKEN_CHARS));
    // Only the first MAX_CHARS characters are read: a word after them is never seen.
    String late = " ".repeat(VerdictTokenizer.MAX_CHARS) + "guaranteed";
    assertThat(VerdictTokenizer.tokens(late)).isEmpty();
  }

  @Test
  void aSurrogatePairAtTheCutIsNotSplit() {
    String text = "x".repeat(VerdictTokenizer.MAX_CHARS - 1) + "\uD835\uDC00tail";
    assertThat(VerdictTokenizer.tokens(text)).singleElement()
        .satisfies(token -> assertThat(token).hasSize(VerdictTokenizer.MAX_TOKEN_CHARS));
  }

  @Test
  void emptyAndPunctuationOnlyTextsHaveNoFeatures() {
    assertThat(VerdictTokenizer.features("")).isEmpty();
    assertThat(VerdictTokenizer.features("?!... --- ")).isEmpty();
  }
}
