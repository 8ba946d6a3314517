package io.holdfast.core.verdict;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns a report's text into the word features the Scam Verdict Model weighs: lower-cased,
 * Unicode-aware word tokens (letters, digits and combining marks, so "estafa", "mañana" and
 * Devanagari words all survive), as unigrams and bigrams. Training and judging both call this
 * class, so the features a model was trained on are exactly the features it later sees.
 *
 * <p>Every input is bounded: the text is cut at {@link #MAX_CHARS}, a token at
 * {@link #MAX_TOKEN_CHARS} and the token list at {@link #MAX_TOKENS}, because reports come from
 * the public and one enormous report must not stall the judge of all the others.
 */
public final class VerdictTokenizer {
  /** The identity of this tokenizer, written into model files so a mismatch is refused. */
  public static final String ID = "words-bigrams-1";
  public static final int MAX_CHARS = 20_000;
  public static final int MAX_TOKENS = 4_000;
  public static final int MAX_TOKEN_CHARS = 32;
  /** Prefix of unigram features. */
  public static final String UNIGRAM = "w:";
  /** Prefix of bigram features; the two words are joined by an underscore. */
  public static final String BIGRAM = "b:";

  private VerdictTokenizer() {}

  /**
   * The word tokens of {@code text} in order. Digits become '0' so that phone numbers, prices
   * and codes generalise by their shape rather than being memorised one by one.
   */
  public static List<String> tokens(String text) {
    return scan(text).tokens();
  }

  /**
   * The distinct unigram and bigram features of {@code text}, sorted by name. Bigrams never
   * span a clause break (. , ! ? ; : quotes, brackets, line ends), because a pair of words from
   * two different sentences is noise that the model would only memorise.
   */
  public static SortedSet<String> features(String text) {
    Scan scan = scan(text);
    List<String> tokens = scan.tokens();
    SortedSet<String> features = new TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      features.add(UNIGRAM + tokens.get(i));
      if (i > 0 && !scan.breaks().get(i)) {
        features.add(BIGRAM + tokens.get(i - 1) + "_" + tokens.get(i));
      }
    }
    return features;
  }

  /** Tokens and, for each token, whether a clause break comes before it. */
  private record Scan(List<String> tokens, BitSet breaks) {}

  private static Scan scan(String text) {
    String bounded = text.length() > MAX_CHARS ? cut(text) : text;
    String normal = Normalizer.normalize(bounded, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    List<String> tokens = new ArrayList<>();
    BitSet breaks = new BitSet();
    StringBuilder current = new StringBuilder();
    boolean broken = false;
    int i = 0;
    // Each iteration consumes one code point and the list is capped, so the loop is bounded.
    while (i < normal.length() && tokens.size() < MAX_TOKENS) {
      int cp = normal.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordPart(cp)) {
        if (current.length() < MAX_TOKEN_CHARS) {
          current.appendCodePoint(Character.isDigit(cp) ? '0' : cp);
        }
        continue;
      }
      if (isApostrophe(cp) && current.length() > 0) {
        // "don't" and "it's" stay one word each, as their writers meant.
        continue;
      }
      if (flush(current, tokens)) {
        breaks.set(tokens.size() - 1, broken);
        broken = false;
      }
      broken |= isClauseBreak(cp);
    }
    if (tokens.size() < MAX_TOKENS && flush(current, tokens) && broken) {
      breaks.set(tokens.size() - 1);
    }
    return new Scan(tokens, breaks);
  }

  /** The words of a text feature as a reader would write them ("wallet verification"). */
  public static String words(String feature) {
    if (feature.startsWith(UNIGRAM)) {
      return feature.substring(UNIGRAM.length());
    }
    if (feature.startsWith(BIGRAM)) {
      return feature.substring(BIGRAM.length()).replace('_', ' ');
    }
    throw new IllegalArgumentException("not a text feature: " + feature);
  }

  public static boolean isTextFeature(String feature) {
    return feature.startsWith(UNIGRAM) || feature.startsWith(BIGRAM);
  }

  private static boolean isWordPart(int cp) {
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019';
  }

  private static boolean isClauseBreak(int cp) {
    return cp == '\n' || cp == '\r' || ".,!?;:\"()[]{}\u00bf\u00a1\u201c\u201d".indexOf(cp) >= 0;
  }

  /** Ends the current token, if any; true if one was added. */
  private static boolean flush(StringBuilder current, List<String> tokens) {
    if (current.length() == 0) {
      return false;
    }
    tokens.add(current.toString());
    current.setLength(0);
    return true;
  }

  /** Cuts at MAX_CHARS without splitting a surrogate pair. */
  private static String cut(String text) {
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
