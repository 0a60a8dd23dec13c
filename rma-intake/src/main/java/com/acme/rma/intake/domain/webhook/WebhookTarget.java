package com.acme.rma.intake.domain.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point (SSRF protection): an absolute {@code https} URL without user info
 * whose host resolves, every address of it, to a public unicast address. Refused: loopback, "this
 * network" (0.0.0.0/8, ::), private (10/8, 172.16/12, 192.168/16), carrier-grade NAT (100.64/10),
 * link-local (169.254/16 with the cloud metadata address 169.254.169.254, fe80::/10), multicast,
 * broadcast, benchmarking and documentation ranges, IPv6 unique-local (fc00::/7), IPv4-mapped and
 * IPv4-compatible IPv6 and NAT64 forms (judged by the IPv4 address inside). With {@code
 * allowLoopbackHttp} (dev, tests, the local stack) a URL whose every address is loopback may also
 * be {@code http}. The check runs at registration and on every delivery attempt, on the very
 * addresses the attempt connects to (resolved once for it: a host that answers another address the
 * next time gains nothing).
 */
public final class WebhookTarget {

  /** Resolves a host name to all its addresses (DNS in production, a table in tests). */
  @FunctionalInterface
  public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private WebhookTarget() {}

  /** Empty when the URL is acceptable; otherwise why not (resolves its host once). */
  public static Optional<String> refusal(String url, Resolver resolver, boolean allowLoopbackHttp) {
    Optional<String> urlRefusal = urlRefusal(url, allowLoopbackHttp);
    if (urlRefusal.isPresent()) {
      return urlRefusal;
    }
    URI uri = URI.create(url);
    String host = host(uri);
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("host " + host + " does not resolve");
    }
    return addressRefusal(uri.getScheme(), host, addresses, allowLoopbackHttp);
  }

  /** The checks that need no DNS: an absolute URL, no user info, the scheme. */
  public static Optional<String> urlRefusal(String url, boolean allowLoopbackHttp) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.isOpaque()) {
      return Optional.of("must be an absolute https URL with a host");
    }
    if (uri.getUserInfo() != null) {
      return Optional.of("must not contain user info");
    }
    if (!scheme.equals("https") && !(allowLoopbackHttp && scheme.equals("http"))) {
      return Optional.of("must be an https URL");
    }
    return Optional.empty();
  }

  /** The URL's host without the brackets of an IPv6 literal. */
  public static String host(URI uri) {
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return host;
  }

  /**
   * Empty when a connection for this scheme may go to these addresses (all that {@code host}
   * resolved to, for this attempt); otherwise why not.
   */
  public static Optional<String> addressRefusal(
      String scheme, String host, List<InetAddress> addresses, boolean allowLoopbackHttp) {
    if (addresses.isEmpty()) {
      return Optional.of("host " + host + " does not resolve");
    }
    boolean allLoopback = addresses.stream().allMatch(a -> embeddedIpv4(a).isLoopbackAddress());
    if (allowLoopbackHttp && allLoopback) {
      return Optional.empty();
    }
    if ("http".equalsIgnoreCase(scheme)) {
      return Optional.of("must be an https URL (http only to loopback in this environment)");
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        return Optional.of(
            "host " + host + " resolves to " + address.getHostAddress() + ", not a public address");
      }
    }
    return Optional.empty();
  }

  /** Whether a single address is public unicast. */
  public static boolean isPublic(InetAddress address) {
    InetAddress a = embeddedIpv4(address);
    if (a.isAnyLocalAddress()
        || a.isLoopbackAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff;
      int o1 = b[1] & 0xff;
      int o2 = b[2] & 0xff;
      return !(o0 == 0 // this network
          || o0 >= 240 // reserved, broadcast
          || (o0 == 100 && o1 >= 64 && o1 <= 127) // carrier-grade NAT
          || (o0 == 192 && o1 == 0 && o2 == 0) // IETF protocol assignments
          || (o0 == 192 && o1 == 0 && o2 == 2) // documentation
          || (o0 == 198 && (o1 == 18 || o1 == 19)) // benchmarking
          || (o0 == 198 && o1 == 51 && o2 == 100) // documentation
          || (o0 == 203 && o1 == 0 && o2 == 113)); // documentation
    }
    int first = b[0] & 0xff;
    return !((first & 0xfe) == 0xfc // unique local fc00::/7
        || (first == 0xfe && (b[1] & 0xc0) == 0xc0) // site-local fec0::/10 (deprecated)
        || (first == 0x20
            && (b[1] & 0xff) == 0x01
            && (b[2] & 0xff) == 0x0d
            && (b[3] & 0xff) == 0xb8)
        // documentation 2001:db8::/32
        || isIpv4Embedding(b)); // mapped/compatible forms that are not IPv4 themselves
  }

  /** For IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d). */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    if (!isIpv4Embedding(b)) {
      return address;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isIpv4Embedding(byte[] b) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && b[12] != 0; // not :: or ::1
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    return mapped || compatible || nat64;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
