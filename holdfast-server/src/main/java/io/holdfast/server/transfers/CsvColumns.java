package io.holdfast.server.transfers;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The header of an import CSV: every required column exactly once, in any order, plus the
 * optional {@code channel}. Anything else refuses the file before a row is read, because a
 * misnamed column would otherwise import every row wrongly or reject them all.
 */
final class CsvColumns {
  static final int TRANSFER_ID = 0;
  static final int CREATED_AT = 1;
  static final int SENDER = 2;
  static final int RECIPIENT = 3;
  static final int ADDRESS = 4;
  static final int NETWORK = 5;
  static final int AMOUNT = 6;
  static final int CURRENCY = 7;
  static final int CHANNEL = 8;
  static final List<String> REQUIRED = List.of("transfer_id", "created_at", "sender_account",
      "recipient_account", "recipient_address", "network", "amount_minor", "currency");
  static final String OPTIONAL = "channel";

  /** For each column kind, its position in a row; -1 for an absent optional column. */
  private final int[] positions;
  private final int width;

  private CsvColumns(int[] positions, int width) {
    this.positions = positions;
    this.width = width;
  }

  static CsvColumns read(CsvLines lines) throws IOException {
    if (!lines.next()) {
      throw new TransferImporter.HeaderException("the file is empty; the first line must be"
          + " the header " + String.join(",", REQUIRED));
    }
    if (lines.overlong()) {
      throw new TransferImporter.HeaderException("line 1 is not a header: it is longer than "
          + CsvLines.MAX_CHARS + " characters");
    }
    String[] names = new String[REQUIRED.size() + 2];
    int count = lines.split(names);
    if (count == CsvLines.UNCLOSED_QUOTE || count > REQUIRED.size() + 1) {
      throw new TransferImporter.HeaderException("line 1: the header must name the columns "
          + String.join(",", REQUIRED) + " and optionally channel; it is: " + lines.text());
    }
    int[] positions = new int[REQUIRED.size() + 1];
    Arrays.fill(positions, -1);
    for (int i = 0; i < count; i++) {
      String name = names[i].replace("\uFEFF", "").toLowerCase(Locale.ROOT);
      int kind = name.equals(OPTIONAL) ? CHANNEL : REQUIRED.indexOf(name);
      if (kind < 0) {
        throw new TransferImporter.HeaderException("line 1: unknown column '" + names[i]
            + "'; the columns are " + String.join(",", REQUIRED) + " and optionally channel");
      }
      if (positions[kind] >= 0) {
        throw new TransferImporter.HeaderException("line 1: column '" + name + "' appears twice");
      }
      positions[kind] = i;
    }
    for (int kind = 0; kind < REQUIRED.size(); kind++) {
      if (positions[kind] < 0) {
        throw new TransferImporter.HeaderException("line 1: the header lacks the column '"
            + REQUIRED.get(kind) + "'; the columns are " + String.join(",", REQUIRED));
      }
    }
    return new CsvColumns(positions, count);
  }

  int width() {
    return width;
  }

  /** The value of a column in a split row; empty for an absent optional column. */
  String get(String[] fields, int kind) {
    int position = positions[kind];
    return position < 0 ? "" : fields[position];
  }
}
