package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import org.simplejavamail.utils.mail.dkim.DkimMessage;
import org.simplejavamail.utils.mail.dkim.DkimSigner;
import org.thinkpress.subscribers.EmailAddresses;

/**
 * Wraps a rendered message in MIME: {@code multipart/alternative} with the plain text first and
 * the HTML second, UTF-8, the Message-ID derived from (send, subscriber, generation), the RFC 2369
 * and RFC 8058 unsubscribe headers, and a DKIM signature when a key is configured.
 */
final class MessageBuilder {

  static {
    // Jakarta Mail 2.1 finds its stream provider through ServiceLoader for every part it writes,
    // scanning the class path each time (a third of the sending time in the benchmark); naming
    // the provider makes it a plain class lookup.
    if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
      System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final Session session;
  private final NewsletterSettings settings;
  private final DkimSigner signer;
  private final Clock clock;
  private final String domain;

  MessageBuilder(Session session, NewsletterSettings settings, DkimSigner signer, Clock clock) {
    this.session = requireNonNull(session, "session");
    this.settings = requireNonNull(settings, "settings");
    this.signer = signer;
    this.clock = requireNonNull(clock, "clock");
    this.domain = EmailAddresses.domainOf(settings.fromAddress());
  }

  /** {@code <SEND.SUBSCRIBER.GENERATION.TAG@DOMAIN>}: the same for every copy of the same message. */
  String messageId(OutboxRow row, String tag) {
    return "<" + row.sendId() + "." + row.subscriberId() + "." + row.generation() + "." + tag + "@" + domain + ">";
  }

  MimeMessage build(EmailRenderer.Rendered email, OutboxStore.Recipient recipient, String messageId,
                    String unsubscribeUrl, String unsubscribeToken) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, messageId);
    try {
      String fromName = settings.fromName().isEmpty() ? email.siteName() : settings.fromName();
      message.setFrom(new InternetAddress(settings.fromAddress(), oneLine(fromName), "UTF-8"));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient.email(),
          recipient.name().isEmpty() ? null : recipient.name(), "UTF-8"));
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is part of every Java runtime", e);
    }
    if (!settings.replyTo().isEmpty()) {
      message.setReplyTo(new InternetAddress[] {new InternetAddress(settings.replyTo(), true)});
    }
    message.setSubject(oneLine(email.subject()), "UTF-8");
    message.setSentDate(Date.from(clock.instant()));
    message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">, <mailto:" + settings.unsubscribeMailbox()
        + "?subject=" + URLEncoder.encode("unsubscribe " + unsubscribeToken, StandardCharsets.UTF_8).replace("+", "%20") + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    if (email.listKey() != null) {
      message.setHeader("List-Id", quoted(email.listName()) + " <" + email.listKey() + ".list." + domain + ">");
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(email.text(), "UTF-8", "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(email.html(), "UTF-8", "html");
    alternative.addBodyPart(text);
    alternative.addBodyPart(html);
    message.setContent(alternative);
    message.saveChanges();
    MimeMessage complete = signer == null ? message : new DkimMessage(message, signer);
    return PreparedMessage.of(session, complete);
  }

  /** Header values never carry a line break, whatever an editor typed. */
  static String oneLine(String value) {
    return value.replaceAll("[\\r\\n\\t\\x00-\\x1f]+", " ").strip();
  }

  private static String quoted(String phrase) {
    String ascii = oneLine(phrase).replaceAll("[^\\x20-\\x7e]", "").replace("\\", "").replace("\"", "");
    return "\"" + ascii + "\"";
  }

  /**
   * A message written out once, on the worker's thread, and then handed over in one piece. Jakarta
   * Mail otherwise writes a message to the connection byte by byte through several filter
   * streams, which was the largest single cost of sending; the bytes are also what a DKIM
   * signature was computed over, so they are never rewritten.
   */
  static final class PreparedMessage extends MimeMessage {
    private final MimeMessage original;
    private final byte[] bytes;

    private PreparedMessage(Session session, MimeMessage original, byte[] bytes) {
      super(session);
      this.original = original;
      this.bytes = bytes;
    }

    static PreparedMessage of(Session session, MimeMessage message) throws MessagingException {
      java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream(16 * 1024);
      try {
        message.writeTo(buffer);
      } catch (java.io.IOException e) {
        throw new MessagingException("cannot write the message", e);
      }
      return new PreparedMessage(session, message, buffer.toByteArray());
    }

    /** The message as it goes on the wire. */
    byte[] bytes() {
      return bytes;
    }

    @Override
    public jakarta.mail.Address[] getFrom() throws MessagingException {
      return original.getFrom();
    }

    @Override
    public String getMessageID() throws MessagingException {
      return original.getMessageID();
    }

    @Override
    public String[] getHeader(String name) throws MessagingException {
      return original.getHeader(name);
    }

    @Override
    public void writeTo(java.io.OutputStream out, String[] ignoreHeaders) throws java.io.IOException {
      out.write(bytes);
    }

    @Override
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
      out.write(bytes);
    }

    @Override
    public void saveChanges() {
      // already final: saving again would change what was signed
    }
  }

  /** A message that keeps the Message-ID it was given instead of making a random one. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
