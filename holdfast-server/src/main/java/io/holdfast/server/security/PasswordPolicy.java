package io.holdfast.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import me.gosimple.nbvcxz.scoring.Result;

/**
 * What makes a person's password acceptable, after NIST SP 800-63B (revision 4, section
 * 3.1.1.2): at least 15 characters, since a password is the only factor here; any characters,
 * spaces included, up to a generous maximum; no composition rules; and not a value that is
 * commonly used, expected or compromised. That last check is nbvcxz's estimate over its
 * dictionaries (100,000 common and breached passwords, English words, names), which also sees
 * through l33t spelling, keyboard walks, repeats, sequences and dates, with the username and
 * the product's name as words an attacker would try first.
 */
public final class PasswordPolicy {
  public static final int CHARS_MIN = 15;
  public static final int CHARS_MAX = 256;
  /** Bits of estimated entropy a password must reach (nbvcxz's own default is 35). */
  static final double ENTROPY_BITS_MIN = 40;

  private static final class Dictionaries {
    // Loaded once, on first use: they are large, and only setting a password needs them.
    static final List<Dictionary> DEFAULT = ConfigurationBuilder.getDefaultDictionaries();
  }

  /** Why {@code password} is refused for {@code username}, or empty when it is acceptable. */
  public Optional<String> weakness(String password, String username) {
    if (password == null || password.isEmpty()) {
      return Optional.of("a password is required");
    }
    int chars = password.codePointCount(0, password.length());
    if (chars < CHARS_MIN) {
      return Optional.of("the password has " + chars + " characters; it needs at least "
          + CHARS_MIN + " (a phrase of a few words is easiest to remember)");
    }
    if (chars > CHARS_MAX) {
      return Optional.of("the password is longer than " + CHARS_MAX + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return Optional.of("the password contains the username");
    }
    Result estimate = estimator(username).estimate(password);
    if (!estimate.isMinimumEntropyMet()) {
      String warning = estimate.getFeedback().getWarning();
      return Optional.of("the password is too easy to guess"
          + (warning == null || warning.isBlank() ? "" : ": " + warning));
    }
    return Optional.empty();
  }

  private static Nbvcxz estimator(String username) {
    List<Dictionary> dictionaries = new ArrayList<>(Dictionaries.DEFAULT);
    DictionaryBuilder context = new DictionaryBuilder().setDictionaryName("context")
        .setExclusion(true).addWord("holdfast", 0);
    if (username != null && !username.isBlank()) {
      context.addWord(username.toLowerCase(Locale.ROOT), 0);
    }
    dictionaries.add(context.createDictionary());
    return new Nbvcxz(new ConfigurationBuilder().setDictionaries(dictionaries)
        .setMinimumEntropy(ENTROPY_BITS_MIN).setMaxLength(CHARS_MAX)
        .setLocale(Locale.ENGLISH).createConfiguration());
  }
}
