package io.holdfast.core.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * Turns a linear model's contributions into reasons a person can check. A linear score is a sum,
 * so each evidence field's share (weight times value) and the text's share are exact, and the
 * largest shares in the direction of the verdict are the honest explanation of it.
 */
final class VerdictReasons {
  static final String TEXT_ONLY = "judged on the text alone: no platform evidence was given";
  static final String NOTHING_STOOD_OUT =
      "no single fact stood out; the judgement rests on the model's baseline";
  /** Shares smaller than this move the probability too little to be worth reading. */
  private static final double NEGLIGIBLE = 0.05;
  private static final int MAX_PER_SIDE = 3;
  private static final int QUOTED_WORDS = 3;
  /** Common English and Spanish function words, never quoted as evidence of anything. */
  private static final Set<String> FUNCTION_WORDS = Set.of("the", "and", "for", "from", "with",
      "but", "was", "were", "been", "are", "you", "your", "him", "her", "his", "she", "they",
      "them", "their", "this", "that", "these", "those", "there", "here", "what", "when", "then",
      "than", "not", "did", "does", "have", "has", "had", "can", "will", "would", "just", "all",
      "out", "about", "into", "too", "very", "its", "our", "who", "how", "why", "get", "got",
      "que", "los", "las", "una", "por", "con", "para", "del", "pero", "mis", "sus");

  private record Share(String phrase, double value) {}

  private VerdictReasons() {}

  static List<String> explain(SortedMap<String, Double> features, Map<String, Double> weights,
      VerdictOutcome outcome, ReportEvidence evidence) {
    List<Share> shares = new ArrayList<>(evidenceShares(features, weights, evidence));
    shares.addAll(textShares(features, weights));
    List<Share> chosen = switch (outcome) {
      case SCAM -> strongest(shares, 1, MAX_PER_SIDE);
      case NOT_SCAM -> strongest(shares, -1, MAX_PER_SIDE);
      case NEEDS_REVIEW -> {
        // Undecided: the analyst needs the strongest facts on both sides.
        List<Share> both = new ArrayList<>(strongest(shares, 1, 2));
        both.addAll(strongest(shares, -1, 2));
        both.sort(byStrength());
        yield both;
      }
    };
    List<String> reasons = new ArrayList<>();
    for (Share share : chosen) {
      reasons.add(share.phrase());
    }
    if (reasons.isEmpty()) {
      reasons.add(NOTHING_STOOD_OUT);
    }
    if (VerdictFeatures.textOnly(evidence)) {
      reasons.add(TEXT_ONLY);
    }
    return reasons;
  }

  private static List<Share> evidenceShares(SortedMap<String, Double> features,
      Map<String, Double> weights, ReportEvidence evidence) {
    List<Share> shares = new ArrayList<>();
    for (EvidenceField field : EvidenceField.values()) {
      Object value = field.valueIn(evidence);
      if (value == null) {
        continue;
      }
      double sum = 0;
      String prefix = field.prefix() + "_";
      // Only this field's features: the sorted map's sub-range between its prefix and the next.
      for (Map.Entry<String, Double> feature
          : features.subMap(prefix, prefix + Character.MAX_VALUE).entrySet()) {
        sum += weights.getOrDefault(feature.getKey(), 0.0) * feature.getValue();
      }
      shares.add(new Share(field.describe(value), sum));
    }
    return shares;
  }

  private static List<Share> textShares(SortedMap<String, Double> features,
      Map<String, Double> weights) {
    List<Share> words = new ArrayList<>();
    for (Map.Entry<String, Double> feature : features.entrySet()) {
      Double weight = weights.get(feature.getKey());
      if (weight != null && VerdictTokenizer.isTextFeature(feature.getKey())) {
        words.add(new Share(feature.getKey(), weight * feature.getValue()));
      }
    }
    List<Share> shares = new ArrayList<>(2);
    addTextShare(words, 1, "the narrative uses scam language: ", shares);
    addTextShare(words, -1, "the narrative reads like an ordinary message or dispute: ", shares);
    return shares;
  }

  private static void addTextShare(List<Share> words, int sign, String lead, List<Share> out) {
    double sum = 0;
    List<Share> side = new ArrayList<>();
    for (Share word : words) {
      if (Math.signum(word.value()) == sign) {
        sum += word.value();
        side.add(word);
      }
    }
    side.sort(byStrength());
    List<String> quoted = new ArrayList<>();
    for (Share word : side) {
      String phrase = VerdictTokenizer.words(word.phrase());
      if (quoted.size() < QUOTED_WORDS && readable(phrase) && !overlaps(phrase, quoted)) {
        quoted.add(phrase);
      }
    }
    if (!quoted.isEmpty()) {
      out.add(new Share(lead + "'" + String.join("', '", quoted) + "'", sum));
    }
  }

  /**
   * Whether a feature is worth quoting. Function words ("to", "a", "on") and digit shapes
   * ("00000") do carry weight, mostly because reports are longer than chat messages, but quoting
   * them would explain nothing; every word must be letters, and one must not be a function word.
   */
  private static boolean readable(String words) {
    boolean meaningful = false;
    for (String word : words.split(" ")) {
      if (!word.codePoints().allMatch(Character::isLetter)) {
        return false;
      }
      meaningful |= word.length() > 2 && !FUNCTION_WORDS.contains(word);
    }
    return meaningful;
  }

  private static boolean overlaps(String candidate, List<String> chosen) {
    for (String other : chosen) {
      for (String word : candidate.split(" ")) {
        if ((" " + other + " ").contains(" " + word + " ")) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Share> strongest(List<Share> shares, int sign, int limit) {
    List<Share> side = new ArrayList<>();
    for (Share share : shares) {
      if (sign * share.value() >= NEGLIGIBLE) {
        side.add(share);
      }
    }
    side.sort(byStrength());
    return side.subList(0, Math.min(limit, side.size()));
  }

  /** Strongest first; the phrase breaks ties so that equal shares always list in one order. */
  private static Comparator<Share> byStrength() {
    return Comparator.comparingDouble((Share s) -> -Math.abs(s.value()))
        .thenComparing(Share::phrase);
  }
}
