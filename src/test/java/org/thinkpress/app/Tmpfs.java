package org.thinkpress.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small file system of the test's own, mounted on a folder: {@code tmpfs} with a tiny size (a
 * full disk) or remounted read-only (a read-only one, which file permissions cannot give a test
 * running as root). Mounting needs root (or CAP_SYS_ADMIN); without it the test is skipped with a
 * message, except when {@code CI=true}, where it fails: CI must run these tests.
 */
final class Tmpfs implements AutoCloseable {

  private final Path folder;
  private boolean mounted;

  private Tmpfs(Path folder) {
    this.folder = folder;
  }

  /** Mounts a tmpfs of {@code size} (as {@code mount -o size=} reads it: {@code 64k}) on {@code folder}. */
  static Tmpfs mount(Path folder, String size) {
    Tmpfs tmpfs = new Tmpfs(folder);
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String failure = command("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs", folder.toString());
    if (failure != null) {
      String why = "cannot mount a tmpfs on " + folder + " (" + failure + "); this test needs root or CAP_SYS_ADMIN";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI=true but " + why + ": the start-up fault tests must run in CI");
      }
      Assumptions.abort("Start-up fault test skipped: " + why + "; it is mandatory when CI=true");
    }
    tmpfs.mounted = true;
    return tmpfs;
  }

  Path folder() {
    return folder;
  }

  /** Makes the mounted file system read-only, what it holds staying as it is. */
  Tmpfs readOnly() {
    String failure = command("mount", "-o", "remount,ro", folder.toString());
    if (failure != null) {
      throw new IllegalStateException("cannot remount " + folder + " read-only: " + failure);
    }
    return this;
  }

  @Override
  public void close() {
    if (mounted && command("umount", folder.toString()) != null) {
      command("umount", "-l", folder.toString());
    }
    mounted = false;
  }

  /** Runs a command; returns null when it succeeded, else what went wrong. */
  private static String command(String... command) {
    try {
      Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return String.join(" ", command) + " did not end";
      }
      return process.exitValue() == 0 ? null : String.join(" ", command) + ": " + output;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
