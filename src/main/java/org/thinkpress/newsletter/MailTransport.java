package org.thinkpress.newsletter;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Hands messages to the world: an SMTP relay ({@link SmtpMailTransport}) or a folder of
 * {@code .eml} files ({@link PickupFolderTransport}). Each sender worker opens its own
 * {@link Connection} and reuses it for message after message.
 */
public interface MailTransport {

  /** The mail session messages are built in. */
  Session session();

  /** A connection for one worker; opened lazily, reopened after a failure. */
  Connection open();

  /** What {@code serve} logs at start; no secret. */
  String describe();

  /**
   * Deletes the copies this transport keeps of messages to a subscriber, after their erasure;
   * returns how many. An SMTP relay keeps none here.
   */
  default int forget(long subscriberId) {
    return 0;
  }

  /** One worker's link to the transport. Not thread-safe. */
  interface Connection extends AutoCloseable {

    /**
     * Hands over one message for one recipient; returns once it is accepted.
     *
     * @param id a name for the message unique per (send, subscriber, generation), for file names
     * @throws MailSendException when it was not accepted, saying whether to retry
     */
    void send(MimeMessage message, String recipient, String id) throws MailSendException;

    @Override
    void close();
  }
}
