package org.thinkpress.web;

import io.javalin.http.Context;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;

/**
 * What is wrong with a request before any handler reads it, or once reading it failed. A body is
 * decoded in the character set its {@code Content-Type} names, when a handler first asks for a
 * form field; a name Java does not know ({@code charset=utf-7}) would fail there, in whichever
 * handler asked, so it is refused here for every route at once. A multipart body that cannot be
 * parsed (no boundary, cut short) fails inside Jetty, which says so with an {@link HttpException}
 * of status 400; {@link #clientError} finds it under the wrapping exceptions.
 */
final class RequestChecks {

  /** The longest part of a request quoted back in a message. */
  static final int QUOTED = 40;

  private RequestChecks() {}

  /** Refuses a request whose body names a character set this server cannot decode. */
  static void checkCharset(Context ctx) {
    if (ctx.header("Content-Type") == null) {
      return;
    }
    String charset;
    try {
      charset = ctx.characterEncoding(); // how Javalin will read it: the same parse
    } catch (RuntimeException e) {
      throw new MalformedRequestException("the request's Content-Type cannot be read");
    }
    if (charset != null && !isKnown(charset)) {
      throw new MalformedRequestException("the request's character set '" + quoted(charset)
          + "' is not one this site reads; send UTF-8");
    }
  }

  private static boolean isKnown(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /** The 4xx that Jetty found in the request, under whatever wraps it, if that is what failed. */
  static Optional<HttpException> clientError(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
        return Optional.of(http);
      }
    }
    return Optional.empty();
  }

  /** A part of a request, shortened to be quoted back. */
  static String quoted(String value) {
    return value.length() > QUOTED ? value.substring(0, QUOTED) + "…" : value;
  }
}
