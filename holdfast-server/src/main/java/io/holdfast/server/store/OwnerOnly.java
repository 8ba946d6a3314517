package io.holdfast.server.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories that only their owner may read: the embedded store holds API key
 * hashes, users and every decision, so nothing of it is left readable by other local users.
 */
public final class OwnerOnly {
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /** Creates the directory (and its parents) if needed and makes it owner-only. */
  public static Path directory(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, DIRECTORY);
    return dir;
  }

  /** Writes a file that is owner-only from its first byte. */
  public static void write(Path file, String content) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
    Files.writeString(file, content, StandardOpenOption.TRUNCATE_EXISTING);
  }

  /** True when neither group nor others may read, write or enter the path. */
  public static boolean is(Path path) throws IOException {
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(path);
    return p.stream().allMatch(x -> x.name().startsWith("OWNER_"));
  }
}
