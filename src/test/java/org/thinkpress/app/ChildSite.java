package org.thinkpress.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ThinkPress running {@code serve} in a process of its own, a JVM on this test JVM's class path
 * (so that it runs the classes just compiled, never a jar left from an earlier build), for tests
 * that stop it the hard way. Its output goes to a log file; {@link #port()} waits, with a
 * deadline, for the line that says it listens.
 */
public final class ChildSite implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("listening on [^ ]+:([0-9]+);");

  private final Process process;
  private final Path log;
  private final CompletableFuture<Integer> port = new CompletableFuture<>();

  private ChildSite(Process process, Path log) {
    this.process = process;
    this.log = log;
    Thread reader = new Thread(this::readOutput, "child-site-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code thinkpress serve} with these settings (each given as {@code --set NAME=VALUE}). */
  public static ChildSite serve(Map<String, String> settings, Path log) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    settings.forEach((name, value) -> command.addAll(List.of("--set", name + "=" + value)));
    command.add("serve");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    // The test's own variables (THINKPRESS_TEST_POSTGRES_URL) are not settings: keep them from the child.
    builder.environment().keySet().removeIf(name -> name.startsWith("THINKPRESS_"));
    try {
      return new ChildSite(builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command.get(0), e);
    }
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port.complete(Integer.parseInt(listening.group(1)));
        }
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
    port.completeExceptionally(new IllegalStateException("the server exited before it listened; its output: " + output()));
  }

  /** The port it listens on, once it says so; fails when it exits first or takes longer than two minutes. */
  public int port() {
    try {
      return port.get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the server did not listen within two minutes; its output: " + output(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code kill -9}: the process ends at once, with no shutdown hook, no flush, no close. */
  public void kill() {
    process.destroyForcibly();
    awaitExit(Duration.ofMinutes(1));
  }

  public String output() {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private void awaitExit(Duration deadline) {
    try {
      if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the server process " + process.pid() + " did not exit within " + deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops it as an operator would (SIGTERM); forcibly when it takes longer than a minute. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      awaitExit(Duration.ofMinutes(1));
    } catch (IllegalStateException e) {
      kill();
    }
  }
}
