package io.holdfast.server.security.oidc;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a person's browser does in a sign-in, over real HTTP: keeps cookies, follows redirects
 * across Holdfast and the identity provider, asks for HTML, and posts forms.
 */
final class Browser {
  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  /**
   * A browser's Accept header. Spring Security remembers the page a visitor asked for before
   * sending them to sign in only when the request is not for JSON, as a browser's is not.
   */
  private static final String ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NORMAL)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  HttpResponse<String> get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).GET());
  }

  /** Posts {@code fields} as a form to {@code url}. */
  HttpResponse<String> post(String url, Map<String, String> fields) {
    String form = fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** The hidden CSRF token of the form on a page. */
  static Optional<String> csrfToken(String html) {
    Matcher m = CSRF.matcher(html);
    return m.find() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2))
        : Optional.empty();
  }

  /** Every URI this response's redirects went through, first to last. */
  static List<URI> trail(HttpResponse<?> response) {
    List<URI> uris = new ArrayList<>();
    for (HttpResponse<?> r = response; r != null; r = r.previousResponse().orElse(null)) {
      uris.add(0, r.request().uri());
    }
    return uris;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.header("Accept", ACCEPT)
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
