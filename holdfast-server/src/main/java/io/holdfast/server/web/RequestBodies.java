package io.holdfast.server.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a request body once, within its route's limit and the server-wide {@link BodyBudget},
 * and keeps the bytes so the idempotency layer can hash exactly what the client sent. Only an
 * authenticated and authorised request is read: {@link BodyLimitFilter} runs after the security
 * chain, and the screening fast path reads only after it has checked the key itself.
 *
 * <p>Small bodies (a transfer, a rule, anything within {@code holdfast.max-body-bytes}) draw
 * on no budget: the worker threads bound them (64 threads of 64 KiB is 4 MiB), and screening
 * must never be refused because an upload is running. Victim reports and intel uploads draw on
 * the budget. Intel uploads are buffered rather than streamed into the importer: the importer
 * writes a whole file in one transaction (a refused file leaves nothing behind) from a parsed
 * list of every entry, and the idempotency key needs the body's hash before the work starts,
 * so streaming would save only the raw bytes while making a retry unrecognisable. The budget
 * bounds those bytes instead.
 */
public final class RequestBodies {
  public static final String BODY_ATTRIBUTE = RequestBodies.class.getName() + ".body";
  /**
   * Victim reports carry a long narrative and pasted messages in any script (up to four bytes a
   * character in UTF-8), so they get a bound of their own between a transfer's and an upload's.
   */
  public static final int REPORT_BODY_BYTES = 1 << 20;
  /** How long a client refused for want of budget is asked to wait before it retries. */
  static final int RETRY_AFTER_SECONDS = 5;
  /** A body of unknown length is read, and reserved, this much at a time. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private final int maxBodyBytes;
  private final int maxUploadBytes;
  private final BodyBudget budget;
  private final BodyBudget unmetered = BodyBudget.unmetered();

  public RequestBodies(int maxBodyBytes, int maxUploadBytes, BodyBudget budget) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxUploadBytes = maxUploadBytes;
    this.budget = budget;
  }

  /** What reading a body came to: the request with its bytes kept, or why it was refused. */
  public sealed interface Outcome permits Read, Refused {}

  /** The body was read; close the reservation when the request is answered. */
  public record Read(HttpServletRequest request, BodyBudget.Reservation reservation)
      implements Outcome {}

  /** The body was refused; {@code retryAfterSeconds} is 0 when a retry would not help. */
  public record Refused(ProblemType type, String detail, int retryAfterSeconds)
      implements Outcome {}

  /** Whether requests of this method carry a body worth reading. */
  public static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
  }

  /** The body's limit on this request's route. */
  int limitBytes(HttpServletRequest request) {
    String uri = request.getRequestURI();
    return uri.startsWith("/v1/intel/") ? maxUploadBytes
        : uri.equals("/v1/reports") ? REPORT_BODY_BYTES : maxBodyBytes;
  }

  public Outcome read(HttpServletRequest request) {
    int limit = limitBytes(request);
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      return new Refused(ProblemType.BODY_TOO_LARGE,
          "the body is " + declared + " bytes; the limit here is " + limit, 0);
    }
    BodyBudget meter = limit > maxBodyBytes ? budget : unmetered;
    Optional<BodyBudget.Reservation> reservation = meter.reserve(Math.max(declared, 0));
    if (reservation.isEmpty()) {
      return busy();
    }
    try {
      Optional<byte[]> body = declared >= 0
          ? Optional.of(request.getInputStream().readNBytes((int) declared))
          : readGrowing(request.getInputStream(), limit, reservation.get());
      if (body.isEmpty()) {
        reservation.get().close();
        return busy();
      }
      if (body.get().length > limit) {
        reservation.get().close();
        return new Refused(ProblemType.BODY_TOO_LARGE,
            "the body is over the limit of " + limit + " bytes", 0);
      }
      request.setAttribute(BODY_ATTRIBUTE, body.get());
      return new Read(new CachedBody(request, body.get()), reservation.get());
    } catch (IOException e) {
      reservation.get().close();
      return new Refused(ProblemType.BAD_REQUEST,
          "the body could not be read to its end; send it whole", 0);
    }
  }

  private static Refused busy() {
    return new Refused(ProblemType.OVERLOADED, "Holdfast is holding as many large bodies as it"
        + " allows at once; retry in " + RETRY_AFTER_SECONDS + " seconds", RETRY_AFTER_SECONDS);
  }

  /**
   * Reads a body of unknown length up to one byte past {@code limit}, growing the reservation
   * before each chunk; empty when the budget runs out first.
   */
  private static Optional<byte[]> readGrowing(InputStream in, int limit,
      BodyBudget.Reservation reservation) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[CHUNK_BYTES];
    while (out.size() <= limit) {
      int wanted = Math.min(CHUNK_BYTES, limit + 1 - out.size());
      if (!reservation.grow(wanted)) {
        return Optional.empty();
      }
      int n = in.readNBytes(chunk, 0, wanted);
      out.write(chunk, 0, n);
      if (n < wanted) {
        break;
      }
    }
    return Optional.of(out.toByteArray());
  }

  /** The request with its body replaced by the bytes already read. */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
