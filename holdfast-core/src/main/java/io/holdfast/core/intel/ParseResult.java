package io.holdfast.core.intel;

import java.util.List;

/**
 * Everything learned from one intel file.
 *
 * @param entries lines accepted, in file order
 * @param rejections lines refused, with why
 * @param notices lines accepted with a caveat the operator should see, such as an address filed
 *     under one network that is valid only for another
 */
public record ParseResult(
    List<IntelEntry> entries, List<LineRejection> rejections, List<LineRejection> notices) {
  public ParseResult {
    entries = List.copyOf(entries);
    rejections = List.copyOf(rejections);
    notices = List.copyOf(notices);
  }
}
