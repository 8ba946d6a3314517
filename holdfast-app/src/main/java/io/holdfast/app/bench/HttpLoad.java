package io.holdfast.app.bench;

import io.holdfast.bench.SyntheticHistory;
import io.holdfast.core.transfer.Counterparty;
import io.holdfast.core.transfer.Transfer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Drives POST /v1/transfers/screen with a fixed number of concurrent keep-alive HTTP/1.1
 * connections, each sending its next request when the answer to the previous one arrives (a
 * closed loop, so latency is measured per request and queueing in front of the server is not).
 * Every request is a new transfer drawn from the synthetic stream. The default client writes
 * and parses HTTP on a plain socket, because on two cores the JDK HttpClient's own threads
 * take CPU from the server being measured; {@code jdk} selects the JDK client instead.
 */
final class HttpLoad {
  private static final int MAX_ERRORS_PER_CLIENT = 100;

  private final int port;
  private final String apiKey;
  private final SyntheticHistory history;
  private final long streamSeed;
  private final boolean jdkClient;
  private final HttpClient jdk;

  HttpLoad(int port, String apiKey, SyntheticHistory history, long streamSeed, boolean jdkClient) {
    this.port = port;
    this.apiKey = apiKey;
    this.history = history;
    this.streamSeed = streamSeed;
    this.jdkClient = jdkClient;
    this.jdk = jdkClient ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
        : null;
  }

  /** Sends transfers {@code from} (inclusive) to {@code to} over {@code clients} connections. */
  LoadResult run(long from, long to, int clients) throws InterruptedException {
    LoadResult result = new LoadResult();
    AtomicLong next = new AtomicLong(from);
    Thread[] threads = new Thread[clients];
    result.measure(() -> {
      for (int i = 0; i < clients; i++) {
        threads[i] = new Thread(() -> client(next, to, result), "load-client-" + i);
        threads[i].start();
      }
      for (Thread thread : threads) {
        thread.join();
      }
    });
    return result;
  }

  private void client(AtomicLong next, long to, LoadResult result) {
    Histogram histogram = LoadResult.newHistogram();
    Map<String, Long> outcomes = new HashMap<>();
    long count = 0;
    long errors = 0;
    String firstError = null;
    Connection connection = null;
    for (long n = next.getAndIncrement(); n < to && errors < MAX_ERRORS_PER_CLIENT;
        n = next.getAndIncrement()) {
      String body = body(history.screeningTransfer(streamSeed, n, Instant.EPOCH));
      long startNanos = System.nanoTime();
      try {
        if (!jdkClient && connection == null) {
          connection = new Connection(port);
        }
        Answer answer = jdkClient ? sendJdk(body) : connection.post(apiKey, body);
        if (answer.closing()) {
          // Tomcat ends a keep-alive connection after a number of requests; a client reconnects.
          connection = close(connection);
        }
        histogram.recordValue(Math.max(1, (System.nanoTime() - startNanos) / 1_000));
        count++;
        if (answer.status() != 200) {
          errors++;
          firstError = firstError == null ? answer.status() + " " + answer.body() : firstError;
        } else {
          outcomes.merge(outcome(answer.body()), 1L, Long::sum);
        }
      } catch (IOException | InterruptedException e) {
        errors++;
        firstError = firstError == null ? e.toString() : firstError;
        connection = close(connection);
      }
    }
    close(connection);
    result.merge(histogram, outcomes, count, errors, firstError);
  }

  /** The transfer as the platform would send it; created_at is left to the server's clock. */
  static String body(Transfer t) {
    StringBuilder json = new StringBuilder(256).append("{\"transfer_id\":\"b-")
        .append(t.transferId()).append("\",\"sender_account\":\"").append(t.senderAccount());
    if (t.recipient() instanceof Counterparty.ExternalAddress address) {
      json.append("\",\"recipient_address\":\"").append(address.address())
          .append("\",\"network\":\"").append(address.network());
    } else {
      json.append("\",\"recipient_account\":\"")
          .append(((Counterparty.PlatformAccount) t.recipient()).accountId());
    }
    return json.append("\",\"amount_minor\":").append(t.amount().amountMinor())
        .append(",\"currency\":\"").append(t.amount().currency().code())
        .append("\",\"channel\":\"").append(t.channel()).append("\"}").toString();
  }

  static String outcome(String body) {
    int at = body.indexOf("\"outcome\":\"");
    if (at < 0) {
      return "?";
    }
    int from = at + 11;
    return body.substring(from, body.indexOf('"', from));
  }

  private Answer sendJdk(String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/v1/transfers/screen"))
        .header("Authorization", "Bearer " + apiKey)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response = jdk.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), false);
  }

  private static Connection close(Connection connection) {
    if (connection != null) {
      connection.close();
    }
    return null;
  }

  record Answer(int status, String body, boolean closing) {}

  /** One keep-alive HTTP/1.1 connection; enough HTTP for the server's own answers. */
  static final class Connection {
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    Connection(int port) throws IOException {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      socket.setSoTimeout(30_000);
      out = socket.getOutputStream();
      in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
      host = "127.0.0.1:" + port;
    }

    Answer post(String apiKey, String body) throws IOException {
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      String head = "POST /v1/transfers/screen HTTP/1.1\r\nHost: " + host
          + "\r\nAuthorization: Bearer " + apiKey
          + "\r\nContent-Type: application/json\r\nContent-Length: " + content.length
          + "\r\n\r\n";
      byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
      byte[] request = new byte[headBytes.length + content.length];
      System.arraycopy(headBytes, 0, request, 0, headBytes.length);
      System.arraycopy(content, 0, request, headBytes.length, content.length);
      out.write(request);
      out.flush();
      return read();
    }

    private Answer read() throws IOException {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.substring(9, 12));
      int length = -1;
      boolean chunked = false;
      boolean closing = false;
      for (int i = 0; i < 100; i++) {
        String header = line();
        if (header.isEmpty()) {
          break;
        }
        String lower = header.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lower.substring(15).trim());
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        } else if (lower.startsWith("connection:") && lower.contains("close")) {
          closing = true;
        }
      }
      String body = chunked ? chunkedBody() : new String(exactly(Math.max(0, length)),
          StandardCharsets.UTF_8);
      return new Answer(status, body, closing);
    }

    private String chunkedBody() throws IOException {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 10_000; i++) {
        int size = Integer.parseInt(line().trim(), 16);
        if (size == 0) {
          line();
          break;
        }
        body.append(new String(exactly(size), StandardCharsets.UTF_8));
        line();
      }
      return body.toString();
    }

    private byte[] exactly(int length) throws IOException {
      byte[] bytes = in.readNBytes(length);
      if (bytes.length != length) {
        throw new IOException("connection closed mid-body");
      }
      return bytes;
    }

    private String line() throws IOException {
      StringBuilder line = new StringBuilder(64);
      for (int i = 0; i < MAX_HEADER_BYTES; i++) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed by the server");
        }
        if (b == '\n') {
          int end = line.length();
          return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1)
              : line.toString();
        }
        line.append((char) b);
      }
      throw new IOException("header line too long");
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        // Closing a connection that already failed has nothing left to report.
      }
    }
  }
}
