package io.holdfast.core.intel;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The networks whose addresses Holdfast can validate, with their address family, the aliases
 * operators and data files use for them, and, for base58check families, the version prefixes
 * their addresses may carry.
 */
public enum Network {
  // A generic EVM network, for intel files that give an address but not the chain it was seen on.
  EVM(Family.EVM, null, 0, new int[0]),
  ETH(Family.EVM, null, 0, new int[0], "ERC20"),
  BSC(Family.EVM, null, 0, new int[0], "BNB", "BEP20"),
  ARB(Family.EVM, null, 0, new int[0], "ARBITRUM"),
  ETC(Family.EVM, null, 0, new int[0]),
  POLYGON(Family.EVM, null, 0, new int[0], "MATIC"),
  BASE(Family.EVM, null, 0, new int[0]),
  OP(Family.EVM, null, 0, new int[0]),
  AVAX(Family.EVM, null, 0, new int[0]),
  BTC(Family.BASE58CHECK, "bc", 1, new int[] {0x00, 0x05}, "XBT"),
  LTC(Family.BASE58CHECK, "ltc", 1, new int[] {0x30, 0x32, 0x05}),
  BCH(Family.BASE58CHECK, null, 1, new int[] {0x00, 0x05}),
  BSV(Family.BASE58CHECK, null, 1, new int[] {0x00, 0x05}),
  BTG(Family.BASE58CHECK, null, 1, new int[] {0x26, 0x17}),
  DASH(Family.BASE58CHECK, null, 1, new int[] {0x4c, 0x10}),
  ZEC(Family.BASE58CHECK, null, 2, new int[] {0x1CB8, 0x1CBD}),
  XVG(Family.BASE58CHECK, null, 1, new int[] {0x1e, 0x21}),
  DOGE(Family.BASE58CHECK, null, 1, new int[] {0x1e, 0x16}),
  TRX(Family.BASE58CHECK, null, 1, new int[] {0x41}, "TRON", "TRC20"),
  XRP(Family.RIPPLE, null, 1, new int[] {0x00}),
  SOL(Family.SOLANA, null, 0, new int[0]),
  XMR(Family.MONERO, null, 0, new int[0]);

  /** How a network's addresses are encoded, which decides how they are checked. */
  public enum Family {
    EVM,
    BASE58CHECK,
    RIPPLE,
    SOLANA,
    MONERO
  }

  private static final Map<String, Network> BY_NAME = buildNameMap();

  private final Family family;
  private final String bech32Prefix;
  private final int versionLength;
  private final int[] versions;
  private final List<String> aliases;

  Network(
      Family family, String bech32Prefix, int versionLength, int[] versions, String... aliases) {
    this.family = family;
    this.bech32Prefix = bech32Prefix;
    this.versionLength = versionLength;
    this.versions = versions;
    this.aliases = List.of(aliases);
  }

  public Family family() {
    return family;
  }

  /** The BIP-173 human-readable part of native segwit addresses, or null if there is none. */
  public String bech32Prefix() {
    return bech32Prefix;
  }

  /** How many leading bytes of a decoded base58check address are the version (1 or 2). */
  public int versionLength() {
    return versionLength;
  }

  public boolean acceptsVersion(int version) {
    return Arrays.stream(versions).anyMatch(v -> v == version);
  }

  public List<String> aliases() {
    return aliases;
  }

  /** The key space addresses of this network are indexed in: one for all EVM chains. */
  public String indexNetwork() {
    return family == Family.EVM ? "EVM" : name();
  }

  /**
   * Finds a network by canonical name or alias, ignoring case. The exact-name probe comes first
   * so that the screening path, which passes canonical names, does not allocate.
   */
  public static Optional<Network> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    Network exact = BY_NAME.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return Optional.ofNullable(BY_NAME.get(name.strip().toUpperCase(Locale.ROOT)));
  }

  /** The index key space for a network name; unknown names index as themselves, upper case. */
  public static String indexNetworkOf(String name) {
    Network exact = BY_NAME.get(name);
    if (exact != null) {
      return exact.indexNetwork();
    }
    return parse(name).map(Network::indexNetwork).orElse(name.toUpperCase(Locale.ROOT));
  }

  /** Canonical names, for error messages that tell the caller what would have worked. */
  public static String knownNames() {
    StringBuilder names = new StringBuilder();
    for (Network network : values()) {
      names.append(names.length() == 0 ? "" : ", ").append(network.name());
    }
    return names.toString();
  }

  private static Map<String, Network> buildNameMap() {
    Map<String, Network> map = new HashMap<>();
    for (Network network : values()) {
      map.put(network.name(), network);
      for (String alias : network.aliases) {
        map.put(alias, network);
      }
    }
    return Collections.unmodifiableMap(map);
  }
}
