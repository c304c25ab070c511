package org.thinkpress.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of the commands that start the server ({@code serve}, {@code demo}). */
final class ServerOptions {

  @Option(names = {"-p", "--port"}, description = "the port to listen on (server.port, default 8080)")
  Integer port;

  @Option(names = "--host", description = "the address to listen on (server.host, default 127.0.0.1)")
  String host;

  /** These options as settings, to override the configuration with. */
  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    if (port != null) {
      settings.put("server.port", port.toString());
    }
    if (host != null) {
      settings.put("server.host", host);
    }
    return settings;
  }
}
