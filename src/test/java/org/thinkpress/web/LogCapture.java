package org.thinkpress.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * What the log receives while it is open: every event that passes the levels an operator sees
 * (ThinkPress's INFO, everyone else's WARN), from every thread.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

  /** The name Javalin gives the threads of Jetty's pool, which answer requests. */
  static final String REQUEST_THREADS = "JettyServerThreadPool";

  private final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  LogCapture() {
    setName("log-capture");
    setContext(root.getLoggerContext());
    start();
    root.addAppender(this);
  }

  @Override
  protected void append(ILoggingEvent event) {
    events.add(event);
  }

  /**
   * The events since the last call that the server logged while answering requests (on its
   * request threads: background work such as indexing or sending logs on threads of its own),
   * oldest first.
   */
  List<ILoggingEvent> take() {
    List<ILoggingEvent> taken = new ArrayList<>();
    for (ILoggingEvent event; (event = events.poll()) != null; ) {
      if (event.getThreadName().startsWith(REQUEST_THREADS)) {
        taken.add(event);
      }
    }
    return taken;
  }

  /** How many lines an event makes: one, and one more for each line of its stack trace. */
  static int lines(ILoggingEvent event) {
    int lines = event.getFormattedMessage().split("\n", -1).length;
    for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
      lines += 1 + thrown.getStackTraceElementProxyArray().length;
    }
    return lines;
  }

  @Override
  public void close() {
    root.detachAppender(this);
    stop();
  }
}
