package io.holdfast.server.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * What a JSON reader refused, in plain words. Jackson's own messages name Java types
 * ({@code java.lang.Long}), its tokens and its configuration switches; a client needs to know
 * which field, what was expected, and what came instead.
 */
public final class JsonErrors {
  private JsonErrors() {}

  /** Why a document is not JSON at all, and where: "it ends too early (line 1, column 16)". */
  public static String syntax(JacksonException e) {
    String why = e instanceof UnexpectedEndOfInputException
        ? "it ends before the document is complete"
        : e instanceof StreamConstraintsException
            ? "it is nested too deeply, or a name, a number or a string in it is too long"
            : "it has text that is not JSON where a value, a comma or a bracket belongs";
    return why + at(e.getLocation());
  }

  private static String at(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** The kind of JSON value a Java type is read from: "a whole number", "a string". */
  public static String expected(Class<?> type) {
    if (type == null) {
      return "a value of another kind";
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class
        || type == short.class || type == Short.class || type == byte.class
        || type == Byte.class || type == BigInteger.class) {
      return "a whole number";
    }
    if (type == double.class || type == Double.class || type == float.class
        || type == Float.class || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
      return "a number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (CharSequence.class.isAssignableFrom(type) || type == char.class
        || type == Character.class || type.isEnum()
        || TemporalAccessor.class.isAssignableFrom(type)) {
      return "a string";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }

  /** The kind of JSON value a token starts: "a string", "null". */
  public static String given(JsonToken token) {
    if (token == null) {
      return "something else";
    }
    return switch (token) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> "true or false";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> "something else";
    };
  }

  /** The range a whole number must fall in to be read as {@code type}, in words. */
  public static String range(Class<?> type) {
    if (type == int.class || type == Integer.class) {
      return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
    }
    if (type == long.class || type == Long.class) {
      return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    return "a smaller number";
  }
}
