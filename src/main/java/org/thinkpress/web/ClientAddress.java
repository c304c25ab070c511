package org.thinkpress.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.thinkpress.ThinkPressException;

/**
 * Who a request comes from, for rate limits and login throttling. Behind a reverse proxy every
 * connection comes from the proxy, so the proxy's {@code X-Forwarded-For} header must be read;
 * but anyone can send that header, so it is believed only from the proxies the operator names
 * ({@code server.trusted-proxies}). The client is then the right-most address in the header that
 * is not itself a trusted proxy.
 */
public final class ClientAddress {

  /** Address literals only: a host name here would mean a DNS lookup for every request. */
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f.:]+");

  private final List<Range> trusted;

  private ClientAddress(List<Range> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Trusts nobody's forwarded header: the connection's address is the client. */
  public static ClientAddress direct() {
    return new ClientAddress(List.of());
  }

  /**
   * Trusts the {@code X-Forwarded-For} header from these proxies.
   *
   * @param proxies IP addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code ::1})
   * @throws InvalidProxyException naming the first entry that is neither
   */
  public static ClientAddress trusting(List<String> proxies) {
    List<Range> ranges = new ArrayList<>();
    for (String proxy : proxies) {
      ranges.add(Range.parse(proxy.strip()));
    }
    return new ClientAddress(ranges);
  }

  /** The client's address, from the connection's address and the request's forwarded header. */
  public String resolve(String remoteAddress, String forwardedFor) {
    if (trusted.isEmpty() || forwardedFor == null || !isTrusted(remoteAddress)) {
      return remoteAddress;
    }
    String[] hops = forwardedFor.split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = hops[i].strip();
      if (!LITERAL.matcher(hop).matches()) {
        return remoteAddress; // a malformed hop: the chain cannot be read, so believe only the socket
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return remoteAddress;
  }

  /**
   * The network a client address belongs to, for limits per network: the /24 of an IPv4 address,
   * the /56 of an IPv6 one (what one household or small office is usually given).
   */
  static String networkOf(String ip) {
    if (ip == null || !ip.matches("[0-9A-Fa-f:.]{2,45}")) {
      return "unknown"; // a literal address only: never a name to look up
    }
    try {
      byte[] bytes = InetAddress.getByName(ip).getAddress();
      int keep = bytes.length == 4 ? 3 : 7;
      StringBuilder network = new StringBuilder(bytes.length == 4 ? "v4:" : "v6:");
      for (int i = 0; i < keep; i++) {
        network.append(bytes[i] & 0xff).append('.');
      }
      return network.toString();
    } catch (UnknownHostException e) {
      return "unknown:" + ip;
    }
  }

  private boolean isTrusted(String address) {
    byte[] bytes = bytesOf(address);
    if (bytes == null) {
      return false;
    }
    for (Range range : trusted) {
      if (range.contains(bytes)) {
        return true;
      }
    }
    return false;
  }

  private static byte[] bytesOf(String literal) {
    if (literal == null || !LITERAL.matcher(literal).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(literal).getAddress(); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An address with a prefix length: {@code 10.0.0.0/8}; a single address has the full length. */
  private record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      byte[] bytes = bytesOf(address);
      if (bytes == null) {
        throw new InvalidProxyException(text);
      }
      int prefix = bytes.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new InvalidProxyException(text);
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
          throw new InvalidProxyException(text);
        }
      }
      return new Range(bytes, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xFF << (8 - rest);
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  /** A trusted proxy that is not an IP address or CIDR range. */
  public static final class InvalidProxyException extends ThinkPressException {
    InvalidProxyException(String entry) {
      super(Kind.BAD_INPUT, "server.trusted-proxies: '" + entry
          + "' is not an IP address or a CIDR range such as 10.0.0.0/8 or ::1");
    }
  }
}
