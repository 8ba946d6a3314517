package io.holdfast.server.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives an error answered with no body a problem body: the actuator, for one, answers an
 * unknown metric with a bare 404. The answer keeps its status; the body says what it means.
 */
@RestControllerAdvice
public class EmptyErrorBodies implements ResponseBodyAdvice<Object> {

  @Override
  public boolean supports(MethodParameter returnType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType,
      MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> converterType,
      ServerHttpRequest request, ServerHttpResponse response) {
    if (body != null || !(response instanceof ServletServerHttpResponse servlet)) {
      return body;
    }
    int status = servlet.getServletResponse().getStatus();
    ProblemType type = ProblemType.forStatus(status);
    if (status < 400 || type.status().value() != status) {
      return body;
    }
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type.uri().toString());
    problem.put("title", type.title());
    problem.put("status", status);
    problem.put("detail", Problems.statusDetail(type));
    return problem;
  }
}
