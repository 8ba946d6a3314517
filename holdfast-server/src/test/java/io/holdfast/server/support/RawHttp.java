package io.holdfast.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK client refuses to send (control characters
 * in headers, {@code %00} in paths, a declared body that never comes) and for seeing what the
 * server does with the connection afterwards. Every read has a bound: a server that waits for
 * bytes the test never sends makes the read time out, and the test fails instead of hanging.
 */
public final class RawHttp implements AutoCloseable {
  /**
   * Far longer than the server needs to answer from headers alone, far shorter than the 60 s
   * Tomcat would wait for a body that never comes: a timeout here means the server waited.
   */
  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
  }

  public static RawHttp connect(int port) {
    try {
      Socket socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(READ_TIMEOUT_MILLIS);
      return new RawHttp(socket);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request exactly as given, then returns the answer; the socket stays open. */
  public static Response exchange(int port, String request) {
    try (RawHttp http = connect(port)) {
      http.send(request);
      return http.response();
    }
  }

  /** The request head for {@code method path} with a Host header and the given header lines. */
  public static String head(String method, String path, String... headerLines) {
    StringBuilder b = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
        .append("Host: 127.0.0.1\r\n");
    for (String line : headerLines) {
      b.append(line).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  public void send(String text) {
    send(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public void send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One response: its status line, headers and a body delimited by Content-Length or EOF. */
  public Response response() {
    try {
      String statusLine = line();
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      byte[] body;
      if (headers.containsKey("content-length")) {
        body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
      } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
        body = chunked();
      } else {
        body = in.readAllBytes();
      }
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + READ_TIMEOUT_MILLIS + " ms", e);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the server closed the connection (EOF) rather than waiting for more bytes. */
  public boolean closedByServer() {
    try {
      return in.read() == -1;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      // A reset is a close too: the server dropped the connection.
      return true;
    }
  }

  private byte[] chunked() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int size = Integer.parseInt(line().trim(), 16); size > 0;
        size = Integer.parseInt(line().trim(), 16)) {
      out.write(in.readNBytes(size));
      line();
    }
    line();
    return out.toByteArray();
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("connection closed in the middle of a line: " + b);
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing to do: the test is finished with this connection.
    }
  }

  /** A raw response. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }
}
