package org.thinkpress.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: invalid UTF-8 in the path,
 * raw backslashes, any method, any header; what {@code java.net.http} would refuse to send.
 */
final class RawHttp {

  /** A response: status, headers by lower-case name, body as UTF-8. */
  record Answer(int status, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null ? null : values.get(0);
    }
  }

  private final int port;

  RawHttp(int port) {
    this.port = port;
  }

  /** A request: the request line's method and target as given (ISO-8859-1 bytes), then the headers and the body. */
  Answer send(String method, String target, List<String> headers, byte[] body) {
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    write(request, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
    for (String header : headers) {
      write(request, header + "\r\n");
    }
    if (body != null) {
      write(request, "Content-Length: " + body.length + "\r\n");
    }
    write(request, "\r\n");
    if (body != null) {
      request.writeBytes(body);
    }
    return exchange(request.toByteArray(), method.equals("HEAD"));
  }

  /** A target given as bytes, for paths that are not valid UTF-8. */
  Answer send(String method, byte[] target, List<String> headers) {
    return send(method, new String(target, StandardCharsets.ISO_8859_1), headers, null);
  }

  private Answer exchange(byte[] request, boolean head) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      return read(socket.getInputStream(), head);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Answer read(InputStream in, boolean head) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
    if (end < 0) {
      throw new IOException("no complete response head in " + all.length + " bytes");
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(lines[i].substring(colon + 1).strip());
    }
    byte[] body = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    if (!head && "chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Answer(status, headers, head ? "" : new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
      String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, length);
      at = lineEnd + 2 + length + 2;
    }
    return body.toByteArray();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null ? null : values.get(0);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
