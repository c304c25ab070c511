package org.thinkpress.testing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Polling with a deadline, for what happens on another thread or process (a sender, a scheduler,
 * a browser): the one place tests wait. It asks often, so a test waits only as long as the thing
 * takes, and fails with what it waited for and the last answer, never hangs.
 *
 * <pre>{@code
 * eventually("the send to finish", Duration.ofSeconds(10), () -> service.progress(id).finished());
 * HttpResponse<String> page = eventually("the piece live", Duration.ofSeconds(15), () -> get(path),
 *     response -> response.statusCode() == 200);
 * }</pre>
 *
 * <p>An exception thrown by a probe ends the wait at once: a probe that can fail while the thing is
 * not ready yet (a server still starting) catches that itself and answers "not yet".
 */
public final class Eventually {

  /** How long to wait between two looks: short beside every deadline used, long beside a query. */
  static final Duration POLL = Duration.ofMillis(20);

  private Eventually() {}

  /** Something to look at that may throw, as HTTP calls and JDBC do. */
  @FunctionalInterface
  public interface Probe<T> {
    T look() throws Exception;
  }

  /** A yes-or-no question that may throw. */
  @FunctionalInterface
  public interface Condition {
    boolean holds() throws Exception;
  }

  /** Waits until {@code condition} holds; fails naming {@code what} if it does not within {@code within}. */
  public static void eventually(String what, Duration within, Condition condition) {
    requireNonNull(condition, "condition");
    eventually(what, within, condition::holds, Boolean::booleanValue);
  }

  /**
   * Looks with {@code probe} until {@code accepted} takes its answer, and returns that answer; fails
   * naming {@code what} and the last answer if none is accepted within {@code within}.
   */
  public static <T> T eventually(String what, Duration within, Probe<T> probe, Predicate<? super T> accepted) {
    requireNonNull(what, "what");
    requireNonNull(within, "within");
    requireNonNull(probe, "probe");
    requireNonNull(accepted, "accepted");
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T answer = look(probe);
      if (accepted.test(answer)) {
        return answer;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Waited " + within.toMillis() + " ms for " + what + "; the last answer was: " + answer);
      }
      pause();
    }
  }

  private static <T> T look(Probe<T> probe) {
    try {
      return probe.look();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting", e);
    } catch (Exception e) {
      throw new AssertionError("The probe failed: " + e, e);
    }
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis()); // the polling interval, not a wait for something to happen
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting", e);
    }
  }
}
