package org.thinkpress.newsletter;

import static java.util.Objects.requireNonNull;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each message as an {@code .eml} file in a folder (by default {@code ./data/outbox/}):
 * the transport when no SMTP relay is configured, so the demo works without a mail server and
 * anyone can open what would have been sent. A file is written under a temporary name and then
 * renamed, so the folder never holds half a message; its name comes from the message's
 * (send, subscriber, generation), so a message written twice after a crash is one file.
 */
public final class PickupFolderTransport implements MailTransport {

  private final Path folder;
  private final Session session = Session.getInstance(new Properties());

  public PickupFolderTransport(Path folder) {
    this.folder = requireNonNull(folder, "folder");
  }

  @Override
  public Session session() {
    return session;
  }

  @Override
  public String describe() {
    return "pickup folder " + folder.toAbsolutePath().normalize() + " (.eml files; set mail.smtp.host to send)";
  }

  /** Deletes {@code send-*-subscriber-ID-*.eml}, the names {@link MessageComposer} gives their messages. */
  @Override
  public int forget(long subscriberId) {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    String infix = "-subscriber-" + subscriberId + "-";
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "send-*.eml")) {
      for (Path file : files) {
        if (file.getFileName().toString().contains(infix) && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the messages of subscriber #" + subscriberId + " in " + folder, e);
    }
    return deleted;
  }

  @Override
  public Connection open() {
    return new Connection() {
      @Override
      public void send(MimeMessage message, String recipient, String id) throws MailSendException {
        try {
          Files.createDirectories(folder);
          Path target = folder.resolve(id + ".eml");
          Path temporary = folder.resolve("." + id + ".tmp");
          try (OutputStream out = Files.newOutputStream(temporary)) {
            message.writeTo(out);
          }
          try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
          }
        } catch (IOException | MessagingException e) {
          throw new MailSendException(MailSendException.Outcome.TEMPORARY, "cannot write to " + folder + ": " + e.getMessage(), e);
        }
      }

      @Override
      public void close() {}
    };
  }
}
