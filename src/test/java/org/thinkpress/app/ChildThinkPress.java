package org.thinkpress.app;

import static org.thinkpress.testing.Eventually.eventually;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.thinkpress.cli.Main;

/**
 * {@code java org.thinkpress.cli.Main ARGS} in a process of its own, on this test run's class
 * path, as an operator runs it: what it prints on standard output and standard error, and how it
 * exits, and, for tests that stop it the hard way, a serving one killed. It runs the classes just
 * compiled (never a jar left from an earlier build: surefire runs before {@code package}). Its
 * environment is this one's without the {@code THINKPRESS_*} settings (the reserved
 * {@code THINKPRESS_TEST_*} stay, as they do in CI), its working folder a test's temporary folder.
 */
public final class ChildThinkPress implements AutoCloseable {

  /** How long a command may take before the test gives up on it: a safety net, not a measurement. */
  private static final long LIMIT_SECONDS = 120;
  private static final Pattern SERVING = Pattern.compile("\\(listening on [^:]+:([0-9]+);");

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private ChildThinkPress(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** The outcome of a command that ended. */
  public record Outcome(int exitCode, String out, String err) {}

  /** Starts {@code thinkpress ARGS} in {@code folder}. */
  public static ChildThinkPress start(Path folder, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    command.addAll(List.of(args));
    try {
      Path stdout = Files.createTempFile(folder, "stdout-", ".txt");
      Path stderr = Files.createTempFile(folder, "stderr-", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
          .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
      builder.environment().keySet().removeIf(name -> name.startsWith("THINKPRESS_") && !name.startsWith("THINKPRESS_TEST_"));
      return new ChildThinkPress(builder.start(), stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code thinkpress --set NAME=VALUE... serve} in {@code folder}. */
  public static ChildThinkPress serve(Path folder, Map<String, String> settings) {
    List<String> args = new ArrayList<>();
    settings.forEach((name, value) -> args.addAll(List.of("--set", name + "=" + value)));
    args.add("serve");
    return start(folder, args.toArray(String[]::new));
  }

  /** Runs {@code thinkpress ARGS} in {@code folder} to its end. */
  public static Outcome run(Path folder, String... args) {
    try (ChildThinkPress child = start(folder, args)) {
      return child.awaitExit();
    }
  }

  public Outcome awaitExit() {
    try {
      if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("thinkpress did not end within " + LIMIT_SECONDS + " s; it wrote:\n" + read(stderr));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return new Outcome(process.exitValue(), read(stdout), read(stderr));
  }

  /** Waits until a serving command says it listens; returns the port. */
  public int awaitServing() {
    String said = eventually("thinkpress to start serving", Duration.ofSeconds(LIMIT_SECONDS), () -> {
      String out = read(stdout);
      if (!SERVING.matcher(out).find() && !process.isAlive()) {
        throw new AssertionError("thinkpress ended with status " + process.exitValue() + " instead of serving:\n"
            + read(stderr));
      }
      return out;
    }, out -> SERVING.matcher(out).find());
    Matcher serving = SERVING.matcher(said);
    serving.find();
    return Integer.parseInt(serving.group(1));
  }

  /** {@code kill -9}: the process ends at once, with no shutdown hook, no flush, no close. */
  public Outcome kill() {
    process.destroyForcibly();
    return awaitExit();
  }

  /** Stops a serving command as an operator does (SIGTERM) and waits for its end. */
  public Outcome stop() {
    process.destroy();
    return awaitExit();
  }

  /** What it wrote on standard error so far. */
  public String err() {
    return read(stderr);
  }

  private static String read(Path file) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
