package io.holdfast.core.prevention.campaign;

import java.util.Map;

/**
 * The language a campaign writes to an account in. Platforms do not send a customer's language
 * yet, so it is the main language of the account's country for the languages campaigns are
 * commonly written in, and English otherwise (every campaign has an English message).
 */
public final class Languages {
  private static final Map<String, String> BY_COUNTRY = Map.ofEntries(
      Map.entry("ES", "es"), Map.entry("MX", "es"), Map.entry("AR", "es"), Map.entry("CO", "es"),
      Map.entry("CL", "es"), Map.entry("PE", "es"), Map.entry("FR", "fr"), Map.entry("BE", "fr"),
      Map.entry("DE", "de"), Map.entry("AT", "de"), Map.entry("PT", "pt"), Map.entry("BR", "pt"),
      Map.entry("IT", "it"), Map.entry("NL", "nl"), Map.entry("TR", "tr"), Map.entry("PL", "pl"));

  private Languages() {}

  public static String of(String country) {
    return country == null ? "en" : BY_COUNTRY.getOrDefault(country, "en");
  }
}
