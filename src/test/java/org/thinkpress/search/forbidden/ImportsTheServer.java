package org.thinkpress.search.forbidden;

import org.thinkpress.web.HttpServer;

/** A feature holding the HTTP server, which only the wiring may. */
final class ImportsTheServer {

  private ImportsTheServer() {}

  static int port(HttpServer server) {
    return server.port();
  }
}
