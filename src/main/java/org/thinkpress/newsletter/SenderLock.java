package org.thinkpress.newsletter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock that makes a sender the only one on a SQLite database: an operating-system lock on a
 * file beside the data. The system releases it when the process dies, however it dies, so a
 * sender that gets it knows every row another sender left claimed or submitting is orphaned and
 * can take them back at once, with no lease to wait out.
 */
final class SenderLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private SenderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock, or empty when another sender holds it. */
  static Optional<SenderLock> tryAcquire(Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(new SenderLock(channel, lock));
      } catch (OverlappingFileLockException e) {
        channel.close();
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Cannot open the sender lock " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the process keeps running; the lock goes with the channel
    }
  }
}
