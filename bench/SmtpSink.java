// An SMTP sink for bench/newsletter.sh: accepts every message as fast as it can and counts them:
// messages, distinct recipients, and copies of a Message-ID already seen (duplicates). Runs as a
// single-file program: java bench/SmtpSink.java PORT STATS_FILE. Writes its counts to STATS_FILE
// every 200 ms as "messages=N recipients=N duplicates=N". Listens on 127.0.0.1 only.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

public class SmtpSink {
  static final AtomicLong messages = new AtomicLong();
  static final AtomicLong duplicates = new AtomicLong();
  static final Set<String> recipients = ConcurrentHashMap.newKeySet();
  static final Set<String> messageIds = ConcurrentHashMap.newKeySet();

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    Path stats = Path.of(args[1]);
    ServerSocket server = new ServerSocket(port, 100, InetAddress.getLoopbackAddress());
    Thread writer = new Thread(() -> {
      while (true) {
        try {
          Path tmp = stats.resolveSibling(stats.getFileName() + ".tmp");
          Files.writeString(tmp, "messages=" + messages.get() + " recipients=" + recipients.size() + " duplicates="
              + duplicates.get() + "\n");
          Files.move(tmp, stats, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
          Thread.sleep(200);
        } catch (Exception e) {
          return;
        }
      }
    });
    writer.setDaemon(true);
    writer.start();
    while (true) {
      Socket client = server.accept();
      client.setTcpNoDelay(true);
      Thread session = new Thread(() -> converse(client));
      session.setDaemon(true);
      session.start();
    }
  }

  static void converse(Socket client) {
    try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
        StandardCharsets.ISO_8859_1), 65536); OutputStream out = client.getOutputStream()) {
      reply(out, "220 sink ESMTP");
      String recipient = null;
      String line;
      while ((line = in.readLine()) != null) {
        String upper = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
        switch (upper) {
          case "EHLO", "HELO" -> reply(out, "250-sink\r\n250-PIPELINING\r\n250 8BITMIME");
          case "RCPT" -> {
            recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase();
            reply(out, "250 OK");
          }
          case "DATA" -> {
            reply(out, "354 go ahead");
            String messageId = null;
            while ((line = in.readLine()) != null && !line.equals(".")) {
              if (messageId == null && line.regionMatches(true, 0, "Message-ID:", 0, 11)) {
                messageId = line.substring(11).strip();
              }
            }
            if (line == null) {
              return; // the sender died in the middle of DATA: the message was never accepted
            }
            messages.incrementAndGet();
            recipients.add(recipient);
            if (messageId != null && !messageIds.add(messageId)) {
              duplicates.incrementAndGet();
            }
            reply(out, "250 OK");
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "250 OK");
        }
      }
    } catch (Exception e) {
      // the client went away (or was killed): nothing to do
    }
  }

  static void reply(OutputStream out, String text) throws java.io.IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
