package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * An SMTP relay through Jakarta Mail (Eclipse Angus): STARTTLS (required, not opportunistic),
 * implicit TLS or plain, with authentication when a user is set; server certificates and host
 * names are checked. Connections stay open across messages.
 *
 * <p>Failures are sorted by the reply code: 4xx and I/O trouble are temporary; 5xx is permanent;
 * 550, 551 and 553, or an enhanced status 5.1.x, when refusing the recipient, mean the address
 * does not exist (a hard bounce).
 */
public final class SmtpMailTransport implements MailTransport {

  private final MailSettings settings;
  private final Session session;

  public SmtpMailTransport(MailSettings settings) {
    this.settings = requireNonNull(settings, "settings");
    Properties properties = new Properties();
    String protocol = protocol();
    String prefix = "mail." + protocol + ".";
    properties.setProperty("mail.transport.protocol", protocol);
    properties.setProperty(prefix + "host", settings.smtpHost());
    properties.setProperty(prefix + "port", Integer.toString(settings.smtpPort()));
    long timeout = settings.timeout().toMillis();
    properties.setProperty(prefix + "connectiontimeout", Long.toString(timeout));
    properties.setProperty(prefix + "timeout", Long.toString(timeout));
    // No "writetimeout": Angus implements it with a scheduled task per write, which costs more than
    // the write; a relay that stops reading is caught by the read timeout of the next reply.
    properties.setProperty(prefix + "quitwait", "false");
    properties.setProperty(prefix + "auth", Boolean.toString(!settings.user().isEmpty()));
    if (settings.security() == MailSettings.Security.STARTTLS) {
      properties.setProperty(prefix + "starttls.enable", "true");
      properties.setProperty(prefix + "starttls.required", "true");
    }
    // Without TCP_NODELAY the end of each message waits for the server's delayed ACK (about 40 ms):
    // one connection could then hand over no more than 25 messages a second.
    properties.put(prefix + (settings.security() == MailSettings.Security.TLS ? "ssl.socketFactory" : "socketFactory"),
        new NoDelaySocketFactory(settings.security() == MailSettings.Security.TLS
            ? javax.net.ssl.SSLSocketFactory.getDefault() : javax.net.SocketFactory.getDefault()));
    if (settings.security() != MailSettings.Security.NONE) {
      properties.setProperty(prefix + "ssl.checkserveridentity", "true");
      properties.setProperty(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
    }
    this.session = Session.getInstance(properties);
  }

  private String protocol() {
    return settings.security() == MailSettings.Security.TLS ? "smtps" : "smtp";
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public String describe() {
    return "SMTP relay " + settings.smtpHost() + ":" + settings.smtpPort() + " (" + settings.security().name().toLowerCase(
        java.util.Locale.ROOT) + (settings.user().isEmpty() ? "" : ", as " + settings.user()) + ")";
  }

  @Override
  public Connection open() {
    return new SmtpConnection();
  }

  private final class SmtpConnection implements Connection {
    private Transport transport;

    @Override
    public void send(MimeMessage message, String recipient, String id) throws MailSendException {
      try {
        if (transport == null || !transport.isConnected()) {
          closeQuietly();
          transport = session.getTransport(protocol());
          if (settings.user().isEmpty()) {
            transport.connect();
          } else {
            transport.connect(settings.smtpHost(), settings.smtpPort(), settings.user(), settings.password());
          }
        }
        transport.sendMessage(message, new InternetAddress[] {new InternetAddress(recipient, true)});
      } catch (MessagingException e) {
        MailSendException failure = classify(e);
        if (failure.outcome() == MailSendException.Outcome.TEMPORARY) {
          closeQuietly(); // a connection in an unknown state is not reused
        }
        throw failure;
      }
    }

    @Override
    public void close() {
      closeQuietly();
    }

    private void closeQuietly() {
      if (transport != null) {
        try {
          transport.close();
        } catch (MessagingException ignored) {
          // closing a broken connection: nothing to recover
        }
        transport = null;
      }
    }
  }

  /** Sockets with Nagle's algorithm off: SMTP is a conversation of small writes. */
  static final class NoDelaySocketFactory extends javax.net.SocketFactory {
    private final javax.net.SocketFactory delegate;

    NoDelaySocketFactory(javax.net.SocketFactory delegate) {
      this.delegate = delegate;
    }

    private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override
    public java.net.Socket createSocket() throws java.io.IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
        throws java.io.IOException {
      return noDelay(delegate.createSocket(host, port, local, localPort));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public java.net.Socket createSocket(java.net.InetAddress address, int port, java.net.InetAddress local, int localPort)
        throws java.io.IOException {
      return noDelay(delegate.createSocket(address, port, local, localPort));
    }
  }

  /** Sorts a Jakarta Mail failure into temporary, permanent or hard bounce. */
  static MailSendException classify(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return new MailSendException(MailSendException.Outcome.TEMPORARY, "the relay refused the login: " + e.getMessage(), e);
    }
    for (Exception cause = e; cause != null; cause = cause instanceof MessagingException m ? m.getNextException() : null) {
      if (cause instanceof SMTPAddressFailedException address) {
        return byCode(address.getReturnCode(), address.getMessage(), true, e);
      }
      if (cause instanceof SMTPSendFailedException sendFailed && sendFailed.getReturnCode() > 0) {
        return byCode(sendFailed.getReturnCode(), sendFailed.getMessage(), false, e);
      }
    }
    if (e instanceof SendFailedException && e.getNextException() == null && ((SendFailedException) e).getInvalidAddresses() != null) {
      return new MailSendException(MailSendException.Outcome.PERMANENT, "invalid address: " + e.getMessage(), e);
    }
    return new MailSendException(MailSendException.Outcome.TEMPORARY, "mail server unreachable or not answering: "
        + e.getMessage(), e);
  }

  private static MailSendException byCode(int code, String message, boolean atRecipient, MessagingException e) {
    String text = oneLine(message);
    if (code >= 400 && code < 500) {
      return new MailSendException(MailSendException.Outcome.TEMPORARY, text, e);
    }
    boolean unknownAddress = atRecipient && (code == 550 || code == 551 || code == 553 || text.matches(".*\\b5\\.1\\.[0-9]+\\b.*"));
    return new MailSendException(unknownAddress ? MailSendException.Outcome.HARD_BOUNCE : MailSendException.Outcome.PERMANENT,
        text, e);
  }

  private static String oneLine(String message) {
    String text = message == null ? "" : message.replaceAll("[\\r\\n]+", " ").strip();
    return text.length() > 400 ? text.substring(0, 400) : text;
  }
}
