package io.holdfast.core.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Composes one narrative from the phrase tables: an opening, one to three things that happened,
 * sometimes a quoted message, sometimes a closing line, then the noise real reports have
 * (Spanish lines, lower case, typos).
 */
final class ReportTexts {
  private static final ReportKind[] SCAM_KINDS = {ReportKind.INVESTMENT,
      ReportKind.IMPERSONATION, ReportKind.ROMANCE, ReportKind.FAKE_SUPPORT,
      ReportKind.MARKETPLACE_NON_DELIVERY, ReportKind.FAKE_GIVEAWAY};

  private final RandomGenerator random;

  ReportTexts(RandomGenerator random) {
    this.random = random;
  }

  String narrative(ReportKind kind, long amountMinor) {
    boolean weaponised = kind == ReportKind.WEAPONISED_FALSE_REPORT;
    // A false report copies the language of a real scam report; that is what makes it dangerous.
    ReportKind source = weaponised ? pick(SCAM_KINDS) : kind;
    ReportPhrases.Parts parts = ReportPhrases.of(source);
    List<String> spanish = kind.scam() || weaponised
        ? ReportPhrases.SCAM_SPANISH : ReportPhrases.OTHER_SPANISH;
    List<String> sentences = new ArrayList<>();
    if (random.nextDouble() < 0.03) {
      sentences.add(pick(spanish));
      sentences.add(pick(spanish));
    } else {
      sentences.add(pick(parts.openers()));
      addDistinct(parts.middles(), 1 + random.nextInt(3), sentences);
      if (random.nextDouble() < 0.5) {
        sentences.add(pick(ReportPhrases.QUOTE_LEADS) + pick(parts.quotes()));
      }
      if (random.nextDouble() < 0.1) {
        sentences.add(pick(spanish));
      }
      if (random.nextDouble() < 0.6) {
        sentences.add(pick(parts.closers()));
      }
    }
    // Both real victims and false reporters ask for a freeze, false reporters more often.
    if (random.nextDouble() < (weaponised ? 0.3 : 0.1)) {
      sentences.add(pick(ReportPhrases.FREEZE_DEMANDS));
    }
    String text = fill(String.join(random.nextDouble() < 0.2 ? "\n" : " ", sentences),
        amountMinor);
    return roughen(text);
  }

  private void addDistinct(List<String> pool, int count, List<String> out) {
    List<String> left = new ArrayList<>(pool);
    for (int i = 0; i < count && !left.isEmpty(); i++) {
      out.add(left.remove(random.nextInt(left.size())));
    }
  }

  private String fill(String template, long amountMinor) {
    long dollars = Math.max(1, amountMinor / 100);
    return template
        .replace("{name}", pick(ReportPhrases.NAMES))
        .replace("{amount2}", money(dollars * (2 + random.nextInt(8))))
        .replace("{amount}", money(dollars))
        .replace("{platform}", pick(ReportPhrases.PLATFORMS))
        .replace("{coin}", pick(ReportPhrases.COINS))
        .replace("{company}", pick(ReportPhrases.COMPANIES))
        .replace("{relative}", pick(ReportPhrases.RELATIVES))
        .replace("{item}", pick(ReportPhrases.ITEMS))
        .replace("{celebrity}", pick(ReportPhrases.CELEBRITIES))
        .replace("{days}", Integer.toString(2 + random.nextInt(90)))
        .replace("{pct}", Integer.toString(5 * (1 + random.nextInt(12))));
  }

  /** One amount written the many ways people write amounts. */
  private String money(long dollars) {
    return switch (random.nextInt(6)) {
      case 0 -> String.format(Locale.ROOT, "$%,d", dollars);
      case 1 -> dollars + " USDT";
      case 2 -> String.format(Locale.ROOT, "%,d dollars", dollars);
      case 3 -> dollars + "usd";
      case 4 -> String.format(Locale.ROOT, "%.4f BTC", dollars / 60_000.0);
      default -> "$" + dollars;
    };
  }

  /** Lower case, shouting and typos, as people write when they are upset. */
  private String roughen(String text) {
    String rough = text;
    double style = random.nextDouble();
    if (style < 0.1) {
      rough = rough.toLowerCase(Locale.ROOT);
    } else if (style < 0.13) {
      rough = rough.toUpperCase(Locale.ROOT);
    }
    if (random.nextDouble() < 0.3) {
      int typos = 1 + random.nextInt(3);
      for (int i = 0; i < typos; i++) {
        rough = typo(rough);
      }
    }
    return rough;
  }

  private String typo(String text) {
    String[] words = text.split(" ", -1);
    int at = random.nextInt(words.length);
    String word = words[at];
    if (word.length() < 4 || !word.chars().allMatch(Character::isLetter)) {
      return text;
    }
    int i = 1 + random.nextInt(word.length() - 2);
    words[at] = switch (random.nextInt(3)) {
      case 0 -> word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2);
      case 1 -> word.substring(0, i) + word.substring(i + 1);
      default -> word.substring(0, i) + word.charAt(i) + word.substring(i);
    };
    return String.join(" ", words);
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private <T> T pick(T[] options) {
    return options[random.nextInt(options.length)];
  }
}
