package io.holdfast.server.web;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns every refusal into {@code application/problem+json} with a stable type. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiProblem.class)
  public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    return Problems.entity(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    return Problems.entity(ProblemType.INVALID_FIELD,
        "parameter '" + e.getName() + "' has an invalid value", Map.of("field", e.getName()));
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<ProblemDetail> unexpected(Exception e) {
    LOG.error("unexpected error", e);
    return Problems.entity(ProblemType.INTERNAL, "unexpected error; it was logged", Map.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return asObject(notReadable(ex));
  }

  static ResponseEntity<ProblemDetail> notReadable(HttpMessageNotReadableException ex) {
    Throwable cause = ex.getCause();
    if (cause instanceof UnrecognizedPropertyException u) {
      return Problems.entity(ProblemType.UNKNOWN_FIELD,
          "unknown field '" + u.getPropertyName() + "'; known fields: " + u.getKnownPropertyIds(),
          Map.of("field", u.getPropertyName()));
    }
    if (cause instanceof MismatchedInputException m && m.getPath().isEmpty()) {
      return Problems.entity(ProblemType.WRONG_TYPE, "the body must be a JSON object",
          Map.of());
    }
    if (cause instanceof InputCoercionException c) {
      String field = DatabindPaths.describe(c);
      return Problems.entity(ProblemType.WRONG_TYPE, "field '" + field + "' is out of range:"
          + " expected " + JsonErrors.range(c.getTargetType()), Map.of("field", field));
    }
    if (cause instanceof MismatchedInputException m) {
      String field = DatabindPaths.describe(m);
      String expected = JsonErrors.expected(m.getTargetType());
      String given = JsonErrors.given(m.getCurrentToken());
      // A value of the right kind that still does not fit (a string that names no constant)
      // is invalid rather than of the wrong type.
      return expected.equals(given)
          ? Problems.entity(ProblemType.INVALID_FIELD, "field '" + field + "' has a value"
              + " that cannot be read here", Map.of("field", field))
          : Problems.entity(ProblemType.WRONG_TYPE, "field '" + field + "' has the wrong type:"
              + " expected " + expected + ", got " + given, Map.of("field", field));
    }
    if (cause instanceof DatabindException d && !d.getPath().isEmpty()) {
      String field = DatabindPaths.describe(d);
      return Problems.entity(ProblemType.INVALID_FIELD,
          "field '" + field + "' has a value that cannot be read here", Map.of("field", field));
    }
    String detail = cause instanceof JacksonException j
        ? "the body is not valid JSON: " + JsonErrors.syntax(j)
        : "a JSON body is required";
    return Problems.entity(ProblemType.MALFORMED_JSON, detail, Map.of());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
      HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return asObject(Problems.entity(ProblemType.UNSUPPORTED_MEDIA_TYPE,
        "send the body as one of " + ex.getSupportedMediaTypes(), Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
      HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return asObject(Problems.entity(ProblemType.METHOD_NOT_ALLOWED,
        "method " + ex.getMethod() + " is not supported here", Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return asObject(Problems.entity(ProblemType.NOT_FOUND, "no such resource", Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      org.springframework.web.bind.ServletRequestBindingException ex, HttpHeaders headers,
      HttpStatusCode status, WebRequest request) {
    String detail = ex instanceof MissingRequestHeaderException m
        ? "header " + m.getHeaderName() + " is required"
        : "the request lacks a parameter or header this route requires";
    return asObject(Problems.entity(ProblemType.INVALID_FIELD, detail, Map.of()));
  }

  @Override
  protected ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
      WebRequest request) {
    return asObject(Problems.entity(ProblemType.INVALID_FIELD,
        "parameter '" + ex.getParameterName() + "' is required",
        Map.of("field", ex.getParameterName())));
  }

  /**
   * Gives the problems Spring renders itself (406, a failed validation, ...) the stable type
   * of their status in place of {@code about:blank}, so a client can switch on every type.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers,
      HttpStatusCode statusCode, WebRequest request) {
    ProblemType type = ProblemType.forStatus(statusCode.value());
    if (body instanceof ProblemDetail problem && type.status().value() == statusCode.value()
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(type.uri());
      problem.setTitle(type.title());
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
    return (ResponseEntity) entity;
  }
}
