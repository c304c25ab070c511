package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thinkpress.ThinkPressException;

/**
 * The HTTP server shared by the site, the admin and the API: Javalin on Jetty, with security
 * headers on every response, and every failure mapped to a status and an error page in the site's
 * design. No response ever shows a stack trace: unexpected errors are logged with an incident
 * number, and the page shows only that number.
 */
public final class HttpServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private final Javalin javalin;

  /** A route the server answers: a method and a path pattern as registered ({@code /topics/{slug}}). */
  public record Route(String method, String path) {}

  private HttpServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /**
   * Starts listening.
   *
   * @param routeSets each registers its routes (site, admin, API...); called once, in order
   */
  public static HttpServer start(ServerSettings settings, ErrorPages errorPages, List<Consumer<RoutesConfig>> routeSets) {
    return start(settings, errorPages, routeSets, MovedAddresses.NONE);
  }

  /**
   * Starts listening; a {@code GET} or {@code HEAD} that would be a 404 asks {@code moved} first
   * and answers {@code 301} when the address has gone somewhere.
   */
  public static HttpServer start(ServerSettings settings, ErrorPages errorPages, List<Consumer<RoutesConfig>> routeSets,
      MovedAddresses moved) {
    requireNonNull(errorPages, "errorPages");
    requireNonNull(moved, "moved");
    SecurityHeaders headers = new SecurityHeaders(settings.https());
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.host = settings.host();
      config.jetty.port = settings.port();
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.http.compressionStrategy = CompressionStrategy.NONE; // pages are stored compressed
      config.http.generateEtags = false; // pages carry their own
      config.jetty.modifyServer(server -> {
        server.setStopTimeout(5_000);
        server.setErrorHandler(new SiteErrorHandler(errorPages, headers.headers()));
      });
      config.router.javaLangErrorHandler((response, error) -> failWithError(response, errorPages, headers, error));
      config.jetty.modifyHttpConfiguration(http -> {
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // room for long query strings (a search of 10,000 characters), which must get a page, not a 414
        http.setRequestHeaderSize(64 * 1024);
      });
      // ctx.ip() is what rate limits and login throttling key on: behind a proxy, the real client
      config.contextResolver.ip = ctx -> settings.clientAddress().resolve(ctx.req().getRemoteAddr(),
          ctx.header("X-Forwarded-For"));
      config.routes.before(headers::apply);
      config.routes.before(RequestChecks::checkCharset);
      for (Consumer<RoutesConfig> routes : routeSets) {
        routes.accept(config.routes);
      }
      config.routes.exception(ThinkPressException.class, (e, ctx) -> {
        int status = statusOf(e);
        if (status >= 500) {
          failWithIncident(ctx, errorPages, e);
        } else {
          fail(ctx, errorPages, status, e.getMessage());
        }
      });
      config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, errorPages, e.getStatus(), ""));
      config.routes.exception(EofException.class, (e, ctx) -> log.debug("Client went away: {}", ctx.path()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        var clientError = RequestChecks.clientError(e);
        if (clientError.isPresent()) {
          // a body Jetty could not parse (a multipart form without a boundary, cut short): the client's fault
          fail(ctx, errorPages, clientError.get().getCode(), "the request's body could not be read as its Content-Type says");
        } else {
          failWithIncident(ctx, errorPages, e);
        }
      });
      config.routes.error(404, ctx -> {
        if (redirected(ctx, moved)) {
          return;
        }
        if (ctx.attribute(ERROR_RENDERED) == null) {
          fail(ctx, errorPages, 404, "");
        }
      });
      config.routes.error(405, ctx -> {
        if (ctx.attribute(ERROR_RENDERED) == null) {
          fail(ctx, errorPages, 405, "");
        }
      });
    });
    try {
      javalin.start();
    } catch (RuntimeException e) {
      throw new ServerStartException("Cannot listen on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e), e);
    }
    log.info("Listening on http://{}:{}", settings.host(), javalin.port());
    return new HttpServer(javalin);
  }

  private static final String ERROR_RENDERED = "thinkpress.error-rendered";

  /** Answers a would-be 404 with a 301 when the address moved; a lookup that fails leaves the 404. */
  private static boolean redirected(Context ctx, MovedAddresses moved) {
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return false;
    }
    java.util.Optional<String> target;
    try {
      target = moved.target(ctx.path(), ctx.queryString());
    } catch (RuntimeException e) {
      log.warn("Cannot look up where {} moved: {}", ctx.path(), e.toString());
      return false;
    }
    if (target.isEmpty()) {
      return false;
    }
    ctx.status(301);
    ctx.result("");
    ctx.header("Location", target.get());
    ctx.header("Cache-Control", "public, max-age=3600");
    return true;
  }

  static int statusOf(ThinkPressException e) {
    return switch (e.kind()) {
      case NOT_FOUND -> 404;
      case BAD_INPUT -> 400;
      case CONFLICT -> 409;
      case FORBIDDEN -> 403;
      case INTERNAL -> 500;
    };
  }

  /** Logs the failure under a short incident number; the page shows only the number. */
  private static void failWithIncident(Context ctx, ErrorPages errorPages, Exception e) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    log.error("Incident {} on {} {}", incident, ctx.method(), ctx.path(), e);
    fail(ctx, errorPages, 500, incident);
  }

  /**
   * An {@link Error} thrown while answering (a stack overflow, memory running out) reaches neither
   * the routes' exception mapping nor Jetty's: it is logged with an incident number like any
   * unexpected failure, and the reader gets the same page.
   */
  private static void failWithError(HttpServletResponse response, ErrorPages errorPages, SecurityHeaders headers,
                                    Error error) {
    String incident = UUID.randomUUID().toString().substring(0, 8);
    if (error instanceof StackOverflowError) {
      log.error("Incident {}: {}", incident, error.toString()); // a thousand frames of one loop say nothing more
    } else {
      log.error("Incident {}", incident, error);
    }
    if (response.isCommitted()) {
      return;
    }
    response.reset();
    response.setStatus(500);
    headers.headers().forEach(response::setHeader);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    try {
      response.getOutputStream().write(page(errorPages, 500, incident));
    } catch (IOException e) {
      log.debug("Client went away during incident {}", incident);
    }
  }

  private static void fail(Context ctx, ErrorPages errorPages, int status, String detail) {
    ctx.attribute(ERROR_RENDERED, Boolean.TRUE);
    ctx.status(status);
    ctx.header("Cache-Control", "no-store");
    ctx.header("Content-Type", "text/html; charset=utf-8");
    ctx.result(page(errorPages, status, detail));
  }

  /** The site's error page, or a plain one when even that fails. */
  static byte[] page(ErrorPages errorPages, int status, String detail) {
    try {
      return errorPages.render(status, status == 404 ? "" : detail);
    } catch (RuntimeException e) {
      log.error("The error page for status {} could not be rendered; sending a plain one", status, e);
      return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Error " + status
          + "</title></head><body><h1>Error " + status + "</h1><p>The request could not be completed.</p></body></html>")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  public int port() {
    return javalin.port();
  }

  /** Every route registered, in the order registered; filters (before, after) are not routes. */
  public List<Route> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
        .toList();
  }

  @Override
  public void close() {
    javalin.stop();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }

  /** The server could not start listening (port taken, address not available). */
  public static final class ServerStartException extends ThinkPressException {
    ServerStartException(String message, Throwable cause) {
      super(Kind.INTERNAL, message, cause);
    }
  }

}
