package org.thinkpress.web;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers Jetty gives by itself, before or after the routes: a request line or path it cannot
 * read (invalid UTF-8, {@code %2e%2e}, a backslash), headers or an address too long, a response
 * whose headers do not fit. They get the site's error page and the security headers, as the routes'
 * errors do, instead of Jetty's own page; a 5xx is logged on one line with an incident number.
 */
final class SiteErrorHandler extends ErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(SiteErrorHandler.class);

  private final ErrorPages errorPages;
  private final Map<String, String> headers;

  SiteErrorHandler(ErrorPages errorPages, Map<String, String> securityHeaders) {
    this.errorPages = errorPages;
    this.headers = securityHeaders;
  }

  /** Every method gets the page, not only GET, HEAD and POST. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                  Callback callback) {
    String detail = detail(code);
    if (code >= 500) {
      detail = UUID.randomUUID().toString().substring(0, 8);
      log.error("Incident {} on {} {}: {}", detail, request.getMethod(),
          RequestChecks.quoted(request.getHttpURI().getPath()), cause != null ? cause.toString() : message);
    }
    byte[] page = HttpServer.page(errorPages, code, detail);
    response.setStatus(code);
    HttpFields.Mutable fields = response.getHeaders();
    prepare(fields);
    fields.put(HttpHeader.CONTENT_LENGTH, Long.toString(page.length));
    response.write(true, ByteBuffer.wrap(page), callback);
  }

  /** The answer to a request Jetty could not even parse: no request exists to hand to {@link #generateResponse}. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    prepare(fields);
    return ByteBuffer.wrap(HttpServer.page(errorPages, status, detail(status)));
  }

  private void prepare(HttpFields.Mutable fields) {
    headers.forEach(fields::put);
    fields.put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
    fields.put(HttpHeader.CACHE_CONTROL, "no-store");
  }

  /** What was wrong, in words for readers (Jetty's reasons name its internals); 414 and 431 have texts of their own. */
  static String detail(int status) {
    return status == 400 ? "the address or the headers of the request could not be read" : "";
  }
}
