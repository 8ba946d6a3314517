package io.holdfast.core.intel;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Parses an intel file, streaming: either one address a line, or CSV whose header names an
 * {@code address} and/or {@code account} column and optionally {@code network} and {@code note}.
 * Blank lines and lines starting with {@code #} are skipped. Every other line ends up either as
 * an entry or as a rejection carrying its 1-based line number, so an operator can fix the file.
 */
public final class IntelLineParser {
  public static final int MAX_LINES = 5_000_000;
  public static final int MAX_LINE_CHARS = 4096;

  private final String defaultNetwork;
  private final List<IntelEntry> entries = new ArrayList<>();
  private final List<LineRejection> rejections = new ArrayList<>();
  private final List<LineRejection> notices = new ArrayList<>();
  private CsvHeader header;
  private boolean firstContentLine = true;

  private IntelLineParser(String defaultNetwork) {
    this.defaultNetwork = defaultNetwork;
  }

  /**
   * Parses the whole reader. The caller owns and closes it.
   *
   * @param defaultNetwork the network of addresses without a network column; null to recognise
   *     each address by its format (see {@link AddressNormalizer#detect})
   */
  public static ParseResult parse(Reader reader, String defaultNetwork) {
    IntelLineParser parser = new IntelLineParser(defaultNetwork);
    BoundedLineReader lines = new BoundedLineReader(reader, MAX_LINE_CHARS);
    try {
      int lineNumber = 0;
      String line = lines.next();
      while (line != null && lineNumber < MAX_LINES) {
        lineNumber++;
        parser.accept(lineNumber, line, lines.wasOverlong());
        line = lines.next();
      }
      if (line != null) {
        parser.rejections.add(new LineRejection(lineNumber + 1, "the file has more than "
            + MAX_LINES + " lines; split it, the rest was not read"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading intel file failed", e);
    }
    return new ParseResult(parser.entries, parser.rejections, parser.notices);
  }

  private void accept(int lineNumber, String rawLine, boolean overlong) {
    if (overlong) {
      reject(lineNumber, "the line is longer than " + MAX_LINE_CHARS + " characters");
      return;
    }
    String line = AddressNormalizer.clean(rawLine);
    if (line.isEmpty() || line.startsWith("#")) {
      return;
    }
    if (firstContentLine) {
      firstContentLine = false;
      header = CsvHeader.parse(line);
      if (header != null) {
        return;
      }
    }
    if (header == null) {
      acceptAddress(lineNumber, line, null, "");
    } else {
      acceptCsvRow(lineNumber, line);
    }
  }

  private void acceptCsvRow(int lineNumber, String line) {
    List<String> cells = CsvHeader.split(line);
    if (cells == null) {
      reject(lineNumber, "the line has an unclosed double quote");
      return;
    }
    if (cells.size() > header.width()) {
      reject(lineNumber, "the line has " + cells.size() + " fields but the header has "
          + header.width() + "; quote fields that contain commas");
      return;
    }
    String address = header.cell(cells, header.address());
    String account = header.cell(cells, header.account());
    String network = header.cell(cells, header.network());
    String note = header.cell(cells, header.note());
    if (!address.isEmpty() && !account.isEmpty()) {
      reject(lineNumber, "the line gives both an address and an account; give one per line");
    } else if (!account.isEmpty()) {
      entries.add(new IntelEntry(lineNumber, null, account, note));
    } else if (!address.isEmpty()) {
      acceptAddress(lineNumber, address, network.isEmpty() ? null : network, note);
    } else {
      reject(lineNumber, "the line has neither an address nor an account");
    }
  }

  private void acceptAddress(int lineNumber, String address, String rowNetwork, String note) {
    String network = rowNetwork != null ? rowNetwork : defaultNetwork;
    if (network == null) {
      Optional<AddressCheck.Valid> detected = AddressNormalizer.detect(address);
      if (detected.isPresent()) {
        entries.add(new IntelEntry(lineNumber, detected.get(), null, note));
      } else {
        reject(lineNumber, "cannot tell the network of address " + address
            + "; add a network column or load the file with a network");
      }
      return;
    }
    AddressCheck check = AddressNormalizer.normalize(network, address);
    if (check instanceof AddressCheck.Valid valid) {
      entries.add(new IntelEntry(lineNumber, valid, null, note));
      return;
    }
    String reason = ((AddressCheck.Invalid) check).reason();
    // A file-wide network is a guess about every line; published lists do misfile the odd
    // address (OFAC's XBT list holds a TRX address). An address that is unambiguously valid
    // for another network is still intel, so it is kept under that network, with a notice.
    Optional<AddressCheck.Valid> detected =
        rowNetwork == null ? AddressNormalizer.detect(address) : Optional.empty();
    if (detected.isPresent() && !detected.get().indexNetwork().equals(indexOf(network))) {
      entries.add(new IntelEntry(lineNumber, detected.get(), null, note));
      notices.add(new LineRejection(lineNumber, "address " + address + " is not valid for "
          + network + " but is a valid " + detected.get().network()
          + " address, so it was loaded for " + detected.get().network()));
    } else {
      reject(lineNumber, reason);
    }
  }

  private static String indexOf(String network) {
    return Network.parse(network).map(Network::indexNetwork).orElse("");
  }

  private void reject(int lineNumber, String reason) {
    rejections.add(new LineRejection(lineNumber, reason));
  }

  /** Column positions of a CSV header; -1 for a column the file does not have. */
  private record CsvHeader(int width, int address, int account, int network, int note) {
    /** The header, or null if the line is not one (so the file is one address a line). */
    static CsvHeader parse(String line) {
      List<String> cells = split(line);
      if (cells == null) {
        return null;
      }
      List<String> names = new ArrayList<>(cells.size());
      for (String cell : cells) {
        names.add(cell.toLowerCase(Locale.ROOT));
      }
      if (!names.contains("address") && !names.contains("account")) {
        return null;
      }
      return new CsvHeader(names.size(), names.indexOf("address"), names.indexOf("account"),
          names.indexOf("network"), names.indexOf("note"));
    }

    String cell(List<String> cells, int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    /** Splits one CSV line, honouring double quotes; null if a quote is left open. */
    static List<String> split(String line) {
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          cells.add(AddressNormalizer.clean(cell.toString()));
          cell.setLength(0);
        } else {
          cell.append(c);
        }
      }
      cells.add(AddressNormalizer.clean(cell.toString()));
      return quoted ? null : cells;
    }
  }
}
