package org.thinkpress.app;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.POST;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.thinkpress.search.Search;
import org.thinkpress.subscribers.SubscriberRoutes;
import org.thinkpress.web.OriginCheck;
import org.thinkpress.web.RateLimitFilter;
import org.thinkpress.web.RateLimiter;
import org.thinkpress.web.RouteGroup;

/**
 * Which route groups the server guards, and how, from the configuration: the limits and checks
 * that cut across features live in {@code web}, and are given their routes here, where the routes
 * are assembled. In the order they run, once a route matched:
 *
 * <ol>
 * <li>the public forms' POSTs must come from the site ({@link OriginCheck}), so a cross-site
 *     request spends no one's budget;</li>
 * <li>search ({@code GET}/{@code HEAD} of {@code /search} and under it): {@code search.requests-per-minute}
 *     per client address, earned back evenly, refused with the site's 429 page;</li>
 * <li>sign-up ({@code POST /subscribe}): {@code subscribers.per-network-per-10-minutes} per
 *     network (IPv4 /24, IPv6 /56) in windows of ten minutes, refused with the sign-up's own 429 page.</li>
 * </ol>
 *
 * <p>The admin's forms carry a session's CSRF token and its login has a throttle of its own in the
 * database ({@code accounts}); the API is authorised by tokens. Neither is guarded here.
 */
final class RequestGuards {

  private RequestGuards() {}

  /** The guards, to be registered with the server's routes; every limit counts time by {@code clock}. */
  static List<Consumer<RoutesConfig>> of(Config config, Clock clock, SubscriberRoutes signUp) {
    OriginCheck publicForms = new OriginCheck(config.site().baseUrl(),
        List.of(new RouteGroup(Set.of(POST), SubscriberRoutes.SAME_ORIGIN_POSTS)));
    RateLimitFilter searches = new RateLimitFilter(RouteGroup.of(Set.of(GET, HEAD), Search.PATH, Search.PATH + "/"),
        RateLimitFilter.Key.ADDRESS,
        RateLimiter.evenly(config.search().requestsPerMinute(), Duration.ofMinutes(1), clock),
        RateLimitFilter.ERROR_PAGE);
    RateLimitFilter signUps = new RateLimitFilter(RouteGroup.of(Set.of(POST), SubscriberRoutes.SUBSCRIBE),
        RateLimitFilter.Key.NETWORK,
        RateLimiter.perWindow(config.subscribers().perNetworkPer10Minutes(), Duration.ofMinutes(10), clock),
        signUp::tooManySignUps);
    return List.of(publicForms::register, searches::register, signUps::register);
  }
}
