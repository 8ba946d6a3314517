package io.holdfast.server.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server secret ("pepper") API keys are hashed with: HMAC-SHA256(pepper, key). It is never
 * stored in the database, so a copy of the database alone (a backup, a replica, an injection
 * that reads {@code api_keys}) does not let anyone test guesses of a key offline, which an
 * unsalted SHA-256 of a human-chosen key did.
 *
 * <p>Where it lives, by choice: {@code HOLDFAST_KEY_PEPPER} when set (at least 32 characters;
 * every instance of a deployment must have the same one, so a deployment on a shared PostgreSQL
 * sets it, from its secret store); otherwise a random 256-bit secret generated once into
 * {@code key-pepper} in the data directory, readable by the server's user only, which suits the
 * single embedded instance and keeps a first start free of set-up. A store remembers a
 * fingerprint of its pepper ({@code ApiKeys.checkPepper}), so an instance started with another
 * pepper (a lost file, a second instance with its own file) refuses to start instead of
 * refusing every key.
 */
public final class KeyPepper {
  public static final String VARIABLE = "HOLDFAST_KEY_PEPPER";
  static final int CHARS_MIN = 32;
  private static final int GENERATED_BYTES = 32;
  private static final Logger LOG = LoggerFactory.getLogger(KeyPepper.class);

  private final byte[] secret;
  private final String source;
  private final ThreadLocal<Mac> macs;

  private KeyPepper(byte[] secret, String source) {
    this.secret = secret.clone();
    this.source = source;
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The configured pepper, else the data directory's file, created when missing. */
  public static KeyPepper resolve(String configured, Path file) {
    if (configured != null && !configured.isBlank()) {
      if (configured.length() < CHARS_MIN) {
        throw new IllegalStateException(VARIABLE + " must be at least " + CHARS_MIN
            + " characters (a random secret, the same on every instance)");
      }
      return new KeyPepper(configured.getBytes(StandardCharsets.UTF_8), VARIABLE);
    }
    return new KeyPepper(readOrCreate(file), file.toString());
  }

  private static byte[] readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (text.length() < CHARS_MIN) {
        throw new IllegalStateException("the key pepper in " + file + " is shorter than "
            + CHARS_MIN + " characters; restore it, or set " + VARIABLE);
      }
      return text.getBytes(StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read or create the key pepper " + file
          + " (set " + VARIABLE + " instead): " + e.getMessage(), e);
    }
  }

  private static void create(Path file) throws IOException {
    byte[] random = new byte[GENERATED_BYTES];
    new SecureRandom().nextBytes(random);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    try {
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException e) {
      return; // another process created it first; read theirs
    }
    Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.US_ASCII);
    LOG.info("generated the API-key pepper in {} (owner-only); keep it with the data, or set {}"
        + " to the same value on every instance", file, VARIABLE);
  }

  /** Where the pepper came from, for messages: the variable's name or the file's path. */
  public String source() {
    return source;
  }

  /** HMAC-SHA256 of {@code text} under the pepper, as 64 hex digits. */
  public String hmac(String text) {
    return HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
    }
  }
}
