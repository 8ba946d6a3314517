package io.holdfast.server.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body once, refusing it with 413 past a bound, and keeps the bytes so the
 * idempotency layer can hash exactly what the client sent. Bodies are small by design (a
 * transfer, a rule), so holding them in memory costs little; intel uploads get a larger bound.
 */
public class BodyLimitFilter extends OncePerRequestFilter {
  public static final String BODY_ATTRIBUTE = BodyLimitFilter.class.getName() + ".body";
  /**
   * Victim reports carry a long narrative and pasted messages in any script (up to four bytes a
   * character in UTF-8), so they get a bound of their own between a transfer's and an upload's.
   */
  public static final int REPORT_BODY_BYTES = 1 << 20;

  private final int maxBodyBytes;
  private final int maxUploadBytes;

  public BodyLimitFilter(int maxBodyBytes, int maxUploadBytes) {
    this.maxBodyBytes = maxBodyBytes;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      chain.doFilter(request, response);
      return;
    }
    String uri = request.getRequestURI();
    int limit = uri.startsWith("/v1/intel/") ? maxUploadBytes
        : uri.equals("/v1/reports") ? REPORT_BODY_BYTES : maxBodyBytes;
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      Problems.write(response, ProblemType.BODY_TOO_LARGE,
          "the body is " + declared + " bytes; the limit here is " + limit);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), limit + 1);
    if (body.length > limit) {
      Problems.write(response, ProblemType.BODY_TOO_LARGE,
          "the body is over the limit of " + limit + " bytes");
      return;
    }
    request.setAttribute(BODY_ATTRIBUTE, body);
    chain.doFilter(new CachedBody(request, body), response);
  }

  private static byte[] readAtMost(InputStream in, int bytesMax) throws IOException {
    return in.readNBytes(bytesMax);
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
