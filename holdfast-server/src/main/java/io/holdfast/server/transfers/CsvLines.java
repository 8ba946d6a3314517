package io.holdfast.server.transfers;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads a CSV file line by line and splits lines into fields, allocating only the field
 * strings: the bulk import reads millions of lines, so it never builds a String per line.
 * Fields may be quoted as in RFC 4180 (a doubled quote inside quotes is a quote); a quoted
 * field may not span lines. Lines end with LF or CRLF. A line longer than {@link #MAX_CHARS}
 * is kept in no buffer: it is skipped to its end and reported as overlong.
 */
public final class CsvLines {
  public static final int MAX_CHARS = 4096;
  /** Returned by {@link #split} for a line whose quote is never closed. */
  public static final int UNCLOSED_QUOTE = -1;

  private final Reader reader;
  private final char[] buffer = new char[1 << 16];
  private int position;
  private int limit;
  private final char[] line = new char[MAX_CHARS];
  private int length;
  private boolean overlong;
  private long number;
  private final StringBuilder field = new StringBuilder(64);

  public CsvLines(Reader reader) {
    this.reader = reader;
  }

  /** Advances to the next line; false at the end of the input. */
  public boolean next() throws IOException {
    length = 0;
    overlong = false;
    boolean any = false;
    // Each iteration consumes one character or refills the buffer, so the loop ends with the
    // input at the latest.
    while (true) {
      if (position == limit) {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          if (any) {
            number++;
          }
          return any;
        }
      }
      char c = buffer[position++];
      any = true;
      if (c == '\n') {
        if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        number++;
        return true;
      }
      if (length < MAX_CHARS) {
        line[length++] = c;
      } else {
        overlong = true;
      }
    }
  }

  /** The 1-based number of the current line. */
  public long number() {
    return number;
  }

  public boolean overlong() {
    return overlong;
  }

  /** True for a line with nothing but spaces, which the importer skips. */
  public boolean blank() {
    for (int i = 0; i < length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The current line as text, for the header and for messages. */
  public String text() {
    return new String(line, 0, length);
  }

  /**
   * Splits the current line into {@code out}, fields trimmed of surrounding spaces; returns the
   * number of fields in the line (which may exceed {@code out.length}: extra fields are counted,
   * not stored) or {@link #UNCLOSED_QUOTE}.
   */
  public int split(String[] out) {
    int count = 0;
    int start = 0;
    // Each iteration consumes at least one field and moves start past it.
    while (true) {
      int end = fieldEnd(start);
      if (end == UNCLOSED_QUOTE) {
        return UNCLOSED_QUOTE;
      }
      if (count < out.length) {
        out[count] = field(start, end);
      }
      count++;
      if (end >= length) {
        return count;
      }
      start = end + 1;
    }
  }

  /** The index of the comma ending the field that starts at {@code start}, or the length. */
  private int fieldEnd(int start) {
    boolean quoted = false;
    for (int i = start; i < length; i++) {
      char c = line[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        return i;
      }
    }
    return quoted ? UNCLOSED_QUOTE : length;
  }

  private String field(int start, int end) {
    while (start < end && line[start] == ' ') {
      start++;
    }
    while (end > start && line[end - 1] == ' ') {
      end--;
    }
    if (end - start >= 2 && line[start] == '"' && line[end - 1] == '"') {
      return unquote(start + 1, end - 1);
    }
    return new String(line, start, end - start);
  }

  private String unquote(int start, int end) {
    field.setLength(0);
    for (int i = start; i < end; i++) {
      char c = line[i];
      field.append(c);
      if (c == '"' && i + 1 < end && line[i + 1] == '"') {
        i++;
      }
    }
    return field.toString();
  }
}
