package io.holdfast.app.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Holdfast's HTTP API as the simulated platform and its analysts call it. */
final class DemoApi {
  /** A response: status and parsed body. */
  record Reply(int status, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Tries per request when the connection fails before an answer comes. */
  static final int ATTEMPTS_MAX = 3;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String platformAuth;
  private final String analystAuth;
  private final String reviewerAuth;

  /**
   * The platform's key, the analyst (the user {@code admin}) and the second analyst who
   * approves what the first asks for (the four-eyes rules).
   */
  DemoApi(int port, String apiKey, String adminPassword, String reviewer,
      String reviewerPassword) {
    this.base = "http://127.0.0.1:" + port;
    this.platformAuth = "Bearer " + apiKey;
    this.analystAuth = basic("admin", adminPassword);
    this.reviewerAuth = basic(reviewer, reviewerPassword);
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Reply platform(String method, String path, Object body, Map<String, String> headers) {
    return send(method, path, body, platformAuth, headers);
  }

  Reply analyst(String method, String path, Object body) {
    return send(method, path, body, analystAuth, Map.of());
  }

  /** The second analyst, who approves the first one's confirmations and campaigns. */
  Reply reviewer(String method, String path, Object body) {
    return send(method, path, body, reviewerAuth, Map.of());
  }

  static String json(Object body) {
    return JSON.writeValueAsString(body);
  }

  private Reply send(String method, String path, Object body, String auth,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60)).header("Authorization", auth)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json(body), StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    HttpRequest request = b.build();
    try {
      HttpResponse<String> r = idempotent(method, path) ? sendRetrying(request)
          : http.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode parsed = r.body() == null || r.body().isEmpty() ? JSON.createObjectNode()
          : JSON.readTree(r.body());
      if (r.statusCode() >= 500) {
        throw new IllegalStateException(method + " " + path + " answered " + r.statusCode()
            + ": " + r.body());
      }
      return new Reply(r.statusCode(), parsed);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Reads, account upserts, screening (by transfer id) and account events (by event id) give
   * the same result however often they are sent; they are also nearly all of the demo's calls.
   */
  static boolean idempotent(String method, String path) {
    return method.equals("GET") || method.equals("PUT") || path.equals("/v1/transfers/screen")
        || (path.startsWith("/v1/accounts/") && path.endsWith("/events"));
  }

  /**
   * Sends, and sends again when the connection fails without an answer: the JDK client may
   * pick a pooled connection the server has just closed for idleness (seen as "header parser
   * received no bytes" with two demos on this 2-core machine).
   */
  private HttpResponse<String> sendRetrying(HttpRequest request)
      throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= ATTEMPTS_MAX) {
          throw e;
        }
      }
    }
  }
}
