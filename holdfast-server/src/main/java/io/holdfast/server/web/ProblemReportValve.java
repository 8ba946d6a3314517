package io.holdfast.server.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error report, as problem+json in place of its HTML page. Errors Tomcat finds
 * itself (a malformed request line, an over-long header or one with control characters, a
 * path with {@code %2F} or {@code %00}) never reach Spring; they are answered here as
 * problem+json, like every other refusal. Tomcat has to be able to create this class itself
 * (the host names it as its error report valve), hence the public no-argument constructor.
 */
public final class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    ProblemType type = ProblemType.forStatus(status);
    byte[] body = Problems.json(type, Problems.statusDetail(type));
    try {
      response.resetBuffer();
      response.setStatus(type.status().value());
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.setContentLength(body.length);
      response.getOutputStream().write(body);
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the response was taken over: there is no one left to tell.
    }
  }
}
