package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;

/**
 * The requests a filter ({@link RateLimitFilter}, {@link OriginCheck}) applies to: these methods,
 * on these paths. A path ending in {@code /} covers everything under it ({@code /search/} covers
 * {@code /search/feed}); any other path covers only itself ({@code /subscribe} is not
 * {@code /subscribe/sent}).
 *
 * @param methods the HTTP methods covered, such as {@code GET} and {@code HEAD}
 * @param paths the paths covered, each starting with {@code /}
 */
public record RouteGroup(Set<HandlerType> methods, List<String> paths) {

  public RouteGroup {
    methods = Set.copyOf(requireNonNull(methods, "methods"));
    paths = List.copyOf(requireNonNull(paths, "paths"));
    if (methods.isEmpty() || paths.isEmpty()) {
      throw new IllegalArgumentException("a route group needs a method and a path");
    }
    for (String path : paths) {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("path '" + path + "' must start with /");
      }
    }
  }

  public static RouteGroup of(Set<HandlerType> methods, String... paths) {
    return new RouteGroup(methods, List.of(paths));
  }

  boolean covers(Context ctx) {
    return covers(ctx.method(), ctx.path());
  }

  boolean covers(HandlerType method, String path) {
    if (!methods.contains(method)) {
      return false;
    }
    for (String covered : paths) {
      if (covered.endsWith("/") ? path.startsWith(covered) : path.equals(covered)) {
        return true;
      }
    }
    return false;
  }
}
