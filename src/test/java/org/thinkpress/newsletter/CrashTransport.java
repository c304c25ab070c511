package org.thinkpress.newsletter;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A transport that dies like a killed process: after {@code crashAfter} messages, every worker
 * that hands over one more message sees it accepted by the real server and then dies before its
 * sender can record the outcome, which is the one moment a crash makes a message uncertain.
 */
final class CrashTransport implements MailTransport {

  /** What kills a worker: an {@link Error}, which the sender does not catch, as it cannot catch a kill. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash() {
      super("simulated crash", null, false, false);
    }
  }

  private final MailTransport real;
  private final int crashAfter;
  private final AtomicInteger accepted = new AtomicInteger();
  private final Set<String> inFlightAtCrash = ConcurrentHashMap.newKeySet();
  private final AtomicInteger deadWorkers = new AtomicInteger();
  private volatile boolean armed = true;

  CrashTransport(MailTransport real, int crashAfter) {
    this.real = real;
    this.crashAfter = crashAfter;
  }

  /** The recipients whose message the server accepted as their worker died. */
  Set<String> inFlightAtCrash() {
    return Set.copyOf(inFlightAtCrash);
  }

  /** After this, messages pass: the process after the restart does not crash. */
  void disarm() {
    armed = false;
  }

  int deadWorkers() {
    return deadWorkers.get();
  }

  @Override
  public Session session() {
    return real.session();
  }

  @Override
  public String describe() {
    return "crashing " + real.describe();
  }

  @Override
  public Connection open() {
    Connection connection = real.open();
    return new Connection() {
      @Override
      public void send(MimeMessage message, String recipient, String id) throws MailSendException {
        connection.send(message, recipient, id);
        if (armed && accepted.incrementAndGet() > crashAfter) {
          inFlightAtCrash.add(recipient);
          deadWorkers.incrementAndGet();
          throw new SimulatedCrash();
        }
      }

      @Override
      public void close() {
        connection.close();
      }
    };
  }
}
