package io.holdfast.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the tests: every request crosses a socket to the running server. */
public final class Api {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String authorization;

  private Api(String baseUrl, String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  public static Api withKey(int port, String key) {
    return new Api("http://127.0.0.1:" + port, key == null ? null : "Bearer " + key);
  }

  public static Api withUser(int port, String user, String password) {
    String basic = Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Api("http://127.0.0.1:" + port, "Basic " + basic);
  }

  /** A response, with its body parsed when it is JSON. */
  public record Response(int status, Map<String, String> headers, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String problemType() {
      return json().path("type").asString();
    }
  }

  public Response get(String path) {
    return send("GET", path, null, "application/json", Map.of());
  }

  public Response post(String path, String body, Map<String, String> headers) {
    return send("POST", path, body, "application/json", headers);
  }

  public Response post(String path, String body) {
    return post(path, body, Map.of());
  }

  public Response put(String path, String body) {
    return send("PUT", path, body, "application/json", Map.of());
  }

  public Response patch(String path, String body) {
    return send("PATCH", path, body, "application/json", Map.of());
  }

  public Response delete(String path) {
    return send("DELETE", path, null, "application/json", Map.of());
  }

  public Response send(String method, String path, String body, String contentType,
      Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Map<String, String> h = new LinkedHashMap<>();
      r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
      return new Response(r.statusCode(), h, r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String json(Object value) {
    return JSON.writeValueAsString(value);
  }
}
