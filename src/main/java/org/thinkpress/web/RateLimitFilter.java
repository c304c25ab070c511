package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

/**
 * Throttles a group of routes: every request to them is counted against its client's budget in a
 * {@link RateLimiter}; past it, the answer is {@code 429 Too Many Requests} with
 * {@code Retry-After} (whole seconds until the client may try again), and the route does not run.
 *
 * <p>The client is {@code ctx.ip()}: the connection's address, or behind a trusted reverse proxy
 * the forwarded one ({@link ClientAddress}); it is counted by that address or by its network
 * ({@link Key}). The filter runs once a route matched, after the checks every request passes, so
 * a request that would be a 404 spends nothing.
 */
public final class RateLimitFilter {

  /** What a client's budget is counted by. */
  public enum Key {
    /** Its address: each address has a budget of its own. */
    ADDRESS,
    /** Its network (an IPv4 /24, an IPv6 /56): the addresses of one household or office share one budget. */
    NETWORK;

    String of(String address) {
      return this == ADDRESS ? address : ClientAddress.networkOf(address);
    }
  }

  /** The refusal by the site's error page for 429, as for any error the server maps. */
  public static final Handler ERROR_PAGE = ctx -> {
    throw new HttpResponseException(429, "Too many requests");
  };

  private final RouteGroup routes;
  private final Key key;
  private final RateLimiter limiter;
  private final Handler refusal;

  /**
   * @param refusal answers a refused request (its status, its page) once {@code Retry-After} is
   *     set: {@link #ERROR_PAGE}, or a feature's page that says more
   */
  public RateLimitFilter(RouteGroup routes, Key key, RateLimiter limiter, Handler refusal) {
    this.routes = requireNonNull(routes, "routes");
    this.key = requireNonNull(key, "key");
    this.limiter = requireNonNull(limiter, "limiter");
    this.refusal = requireNonNull(refusal, "refusal");
  }

  /** Adds the filter to the server's routes, before the handler of every route it covers. */
  public void register(RoutesConfig config) {
    config.beforeMatched(this::apply);
  }

  void apply(Context ctx) throws Exception {
    if (!routes.covers(ctx)) {
      return;
    }
    String client = key.of(ctx.ip());
    if (limiter.tryAcquire(client)) {
      return;
    }
    ctx.header("Retry-After", Long.toString(limiter.secondsUntilNext(client)));
    refusal.handle(ctx);
    ctx.skipRemainingHandlers();
  }
}
