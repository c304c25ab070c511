package org.thinkpress.imports;

import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body written to a file, refused once it is larger than a limit (by its declared length
 * before a byte is read, or as the bytes exceed it). It counts what it received, so that a caller can
 * tell a slow response from a stalled one.
 */
final class LimitedDownload implements BodySubscriber<Path> {

  /** The body is larger than the limit. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("the response is larger than the limit");
    }
  }

  private final Path file;
  private final long maxBytes;
  private final AtomicLong received = new AtomicLong();
  private final CompletableFuture<Path> result = new CompletableFuture<>();
  private long declared = -1;
  private FileChannel channel;
  private Flow.Subscription subscription;

  LimitedDownload(Path file, long maxBytes) {
    this.file = file;
    this.maxBytes = maxBytes;
  }

  /** Itself, told the length the response declares ({@code -1} when it declares none). */
  LimitedDownload declared(long length) {
    this.declared = length;
    return this;
  }

  long received() {
    return received.get();
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (declared > maxBytes) {
      fail(new TooLarge());
      return;
    }
    try {
      channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      fail(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    try {
      for (ByteBuffer buffer : buffers) {
        if (received.addAndGet(buffer.remaining()) > maxBytes) {
          fail(new TooLarge());
          return;
        }
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      fail(e);
      return;
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable error) {
    close();
    result.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    close();
    result.complete(file);
  }

  @Override
  public CompletionStage<Path> getBody() {
    return result;
  }

  private void fail(IOException error) {
    subscription.cancel();
    close();
    result.completeExceptionally(error);
  }

  private void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // the file is deleted or moved by the caller either way
    }
  }
}
