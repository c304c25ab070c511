package org.thinkpress.web;

import static java.util.Objects.requireNonNull;

/**
 * How the HTTP server listens.
 *
 * @param host the address to bind, {@code 127.0.0.1} by default, {@code 0.0.0.0} for all
 * @param port the TCP port; 0 picks a free one (tests)
 * @param https whether the public address is HTTPS, which turns on {@code Strict-Transport-Security}
 * @param maxRequestBytes the largest request body accepted
 * @param clientAddress how to tell a request's client address behind reverse proxies
 */
public record ServerSettings(String host, int port, boolean https, long maxRequestBytes, ClientAddress clientAddress) {

  public ServerSettings {
    requireNonNull(host, "host");
    requireNonNull(clientAddress, "clientAddress");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
  }
}
