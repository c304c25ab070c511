package org.thinkpress.media;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range a request for an upload asks for ({@code Range: bytes=FIRST-LAST},
 * {@code bytes=FIRST-} or {@code bytes=-SUFFIX}, RFC 9110 section 14), so that a player can seek in
 * a recording (Safari plays audio and video only from servers that answer ranges) and a download can
 * resume. A request for several ranges, or a header not understood, gets the whole file, as the RFC
 * allows; a range wholly past the end is {@linkplain #satisfiable() unsatisfiable} (416).
 *
 * @param first the first byte sent
 * @param last the last byte sent (at most {@code size - 1})
 * @param size the file's size
 */
record ByteRange(long first, long last, long size) {

  private static final Pattern SPEC = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** The range a {@code Range} header asks for within a file of {@code size} bytes; empty for the whole file. */
  static Optional<ByteRange> of(String header, long size) {
    Matcher spec = header == null ? null : SPEC.matcher(header.strip());
    if (spec == null || !spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
      return Optional.empty();
    }
    if (spec.group(1).isEmpty()) {
      long suffix = Long.parseLong(spec.group(2));
      return Optional.of(suffix == 0 ? new ByteRange(size, size - 1, size)
          : new ByteRange(Math.max(0, size - suffix), size - 1, size));
    }
    long first = Long.parseLong(spec.group(1));
    long last = spec.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(spec.group(2));
    if (last < first) {
      return Optional.empty(); // not a range at all: the header is ignored
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1), size));
  }

  /** Whether any of the file is in the range. */
  boolean satisfiable() {
    return first < size;
  }

  long length() {
    return last - first + 1;
  }

  /** {@code Content-Range}'s value: {@code bytes FIRST-LAST/SIZE}, or {@code bytes *}{@code /SIZE} when unsatisfiable. */
  String contentRange() {
    return satisfiable() ? "bytes " + first + "-" + last + "/" + size : "bytes */" + size;
  }

  /** The bytes {@code first} to {@code first + count - 1} of the file, read as they are sent. */
  static InputStream slice(Path file, long first, long count) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(first);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new Limited(in, count);
  }

  /** A stream that ends after {@code left} bytes of another. */
  private static final class Limited extends FilterInputStream {
    private long left;

    Limited(InputStream in, long left) {
      super(in);
      this.left = left;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(buffer, offset, (int) Math.min(length, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, left));
      left -= skipped;
      return skipped;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(super.available(), left);
    }
  }
}
