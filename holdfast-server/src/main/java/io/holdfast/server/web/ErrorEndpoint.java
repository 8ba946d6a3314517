package io.holdfast.server.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, in place of Spring Boot's: a request that failed before
 * reaching a controller (an error status sent by a filter or by the container) is answered as
 * problem+json with the general type of its status. The page is no resource of its own: asked
 * for directly, it is not found.
 */
@RestController
public class ErrorEndpoint implements ErrorController {

  @RequestMapping("/error")
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (request.getDispatcherType() != DispatcherType.ERROR || !(status instanceof Integer code)) {
      return Problems.entity(ProblemType.NOT_FOUND, "no such resource", Map.of());
    }
    ProblemType type = ProblemType.forStatus(code);
    return Problems.entity(type, Problems.statusDetail(type), Map.of());
  }
}
