package org.thinkpress.newsletter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small SMTP server that answers as a test script says: the reply to RCPT TO and to the end of
 * DATA depend on the recipient, so tests can make a relay refuse for a while (4xx), for good
 * (5xx), or as an unknown address (550 5.1.1). It speaks enough SMTP for Jakarta Mail and records
 * the recipients whose messages it accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {

  /** The replies for one recipient; {@code null} means the usual "250 OK". */
  record Replies(String rcpt, String data) {}

  private final ServerSocket socket;
  private final Function<String, Replies> script;
  private final List<String> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  ScriptedSmtpServer(Function<String, Replies> script) throws IOException {
    this.script = script;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "scripted-smtp");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Recipients whose message was accepted, in order. */
  List<String> accepted() {
    return List.copyOf(accepted);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Thread session = new Thread(() -> converse(client), "scripted-smtp-session");
        session.setDaemon(true);
        session.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
         OutputStream out = client.getOutputStream()) {
      reply(out, "220 scripted ESMTP");
      String recipient = null;
      Replies replies = null;
      String line;
      while ((line = in.readLine()) != null) {
        String upper = line.toUpperCase(java.util.Locale.ROOT);
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
          reply(out, "250-scripted\r\n250 8BITMIME");
        } else if (upper.startsWith("MAIL FROM")) {
          recipient = null;
          reply(out, "250 OK");
        } else if (upper.startsWith("RCPT TO")) {
          recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
          replies = script.apply(recipient);
          reply(out, replies.rcpt() == null ? "250 OK" : replies.rcpt());
        } else if (upper.equals("DATA")) {
          reply(out, "354 go ahead");
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is not kept
          }
          if (replies.data() == null) {
            accepted.add(recipient);
            reply(out, "250 OK queued");
          } else {
            reply(out, replies.data());
          }
        } else if (upper.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "250 OK");
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
