package io.holdfast.server.web;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;

/**
 * Closes the connection after an error whose request body was not read (a 401 to an upload,
 * a 413 from the declared length), in place of Tomcat's default of reading and discarding the
 * rest of the body before the next request. A refusal's body is worthless and may be huge,
 * and a client that declares 15 MB and sends nothing would hold a worker thread until Tomcat's
 * timeout. It runs outermost (on the engine), so it sees the answer every other part gave.
 */
public final class UnreadBodyValve extends ValveBase {

  public UnreadBodyValve() {
    super(true);
  }

  @Override
  public void invoke(Request request, Response response) throws IOException, ServletException {
    getNext().invoke(request, response);
    if (response.getStatus() < 400 || request.getCoyoteRequest().isFinished()) {
      return;
    }
    if (!response.isCommitted()) {
      response.setHeader("Connection", "close");
    }
    request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
  }
}
