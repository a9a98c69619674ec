package org.innovadores.lti;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way the tool calls another server (platform configuration, registration, JWKS, tokens,
 * grades, rosters). Every URL is checked before a connection is made: https (plain http only to this
 * machine's loopback, and only when allowed for development, or to a private network the operator
 * named for an intranet LMS), every address the host resolves to must be public (no private,
 * link-local, loopback, multicast or unspecified address) unless it is in such a network, redirects are
 * never followed, and service URLs named by a launch must be on the platform's own hosts. One shared
 * client: its connection pool and threads are made once, not per request.
 */
@ApplicationScoped
public class Outbound {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** A URL the tool refuses to call, with the reason for the log and the admin. */
    public static class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    @Inject
    @ConfigProperty(name = "lti.outbound.allow-loopback")
    Optional<Boolean> allowLoopbackSetting;

    /**
     * Private networks an intranet LMS lives on (comma-separated CIDR blocks, e.g. 10.20.0.0/16): the
     * tool may call addresses in them, over plain http too. None by default.
     */
    @Inject
    @ConfigProperty(name = "lti.outbound.private-networks")
    Optional<String> privateNetworksSetting;

    @Inject
    ToolUrls urls;

    private HttpClient http;
    private boolean allowLoopback;
    private List<Network> privateNetworks = List.of();

    /** A CIDR block: the address's first {@code bits} bits equal the prefix's. */
    record Network(byte[] prefix, int bits) {
        static Network parse(String cidr) {
            String[] parts = cidr.strip().split("/", -1);
            if (parts.length != 2 || !parts[0].matches("[0-9.]+|[0-9a-fA-F:]+")) throw new IllegalArgumentException("not a CIDR block: " + cidr);
            try {
                byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
                int bits = Integer.parseInt(parts[1]);
                if (bits < 8 || bits > prefix.length * 8) throw new IllegalArgumentException("prefix length out of range: " + cidr);
                return new Network(prefix, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR block: " + cidr);
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != prefix.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((b[i / 8] & mask) != (prefix[i / 8] & mask)) return false;
            }
            return true;
        }
    }

    static List<Network> networks(String setting) {
        if (setting == null || setting.isBlank()) return List.of();
        return java.util.Arrays.stream(setting.split(",")).filter(s -> !s.isBlank()).map(Network::parse).toList();
    }

    @PostConstruct
    void init() {
        // Loopback targets are a development matter: allowed by default only when the tool itself runs
        // on loopback (deploy/run's default), so a production instance never calls its own machine.
        allowLoopback = allowLoopbackSetting.orElseGet(() -> isLoopbackHost(URI.create(urls.base()).getHost()));
        // A mistyped network must not pass unnoticed: the tool would refuse the intranet LMS for no visible reason.
        privateNetworks = networks(privateNetworksSetting.orElse(null));
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "outbound-http");
            thread.setDaemon(true);
            return thread;
        });
        http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build();
    }

    public boolean loopbackAllowed() {
        return allowLoopback;
    }

    /** Sends a request to a checked URL; a redirect comes back as the 3xx it is, never followed. */
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        check(request.uri().toString());
        return http.send(request, body);
    }

    /** Throws {@link Refused} unless the URL may be called. */
    public URI check(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new Refused("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || !(scheme.equals("https") || scheme.equals("http"))) throw new Refused("not an absolute http(s) URL: " + url);
        if (uri.getRawUserInfo() != null) throw new Refused("URL carries credentials");
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("unknown host " + host);
        }
        boolean loopback = false;
        boolean named = addresses.length > 0;
        for (InetAddress address : addresses) {
            boolean inNamedNetwork = inPrivateNetwork(address);
            named &= inNamedNetwork;
            if (address.isLoopbackAddress()) {
                loopback = true;
            } else if (!isPublic(address) && !inNamedNetwork) {
                throw new Refused("host " + host + " resolves to a non-public address " + address.getHostAddress());
            }
        }
        if (loopback && !allowLoopback) throw new Refused("host " + host + " is this machine (loopback)");
        if (scheme.equals("http") && !loopback && !named) {
            throw new Refused("plain http is only for loopback or a network named in LTI_OUTBOUND_PRIVATE_NETWORKS: " + url);
        }
        return uri;
    }

    /**
     * A service URL from a launch or a platform's answer (line items, scores, memberships) must be on
     * one of the platform's own hosts: the host of its issuer, authorization, token or JWKS URL, or a
     * host under the same parent domain (Canvas serves a school's services on school.instructure.com
     * for the issuer canvas.instructure.com). Otherwise a launch could aim the platform's bearer token
     * at any server.
     */
    public void checkService(Platform platform, String url) throws Refused {
        checkOnHostsOf(url, platform.issuer(), platform.authorizationEndpoint(), platform.tokenEndpoint(), platform.jwksUri());
    }

    /** Checks the URL, and that its host is one of these URLs' hosts or under the same parent domain. */
    public void checkOnHostsOf(String url, String... ownUrls) throws Refused {
        URI uri = check(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String own : ownUrls) {
            if (own == null) continue;
            String ownHost;
            try {
                ownHost = new URI(own).getHost();
            } catch (URISyntaxException e) {
                continue;
            }
            if (ownHost == null) continue;
            ownHost = ownHost.toLowerCase(Locale.ROOT);
            if (host.equals(ownHost)) return;
            String parent = parentDomain(ownHost);
            if (parent != null && host.endsWith("." + parent)) return;
        }
        throw new Refused("URL " + url + " is not on the platform's hosts");
    }

    /** The domain above a host of three or more labels (a.b.c → b.c); none for an address or b.c. */
    static String parentDomain(String host) {
        if (host.indexOf(':') >= 0 || host.matches("[0-9.]+")) return null;
        String[] labels = host.split("\\.");
        if (labels.length < 3) return null;
        return host.substring(host.indexOf('.') + 1);
    }

    private boolean inPrivateNetwork(InetAddress address) {
        for (Network network : privateNetworks) {
            if (network.contains(address)) return true;
        }
        return false;
    }

    /** Whether a platform's URLs on this host may use plain http: loopback, or every address in a named network. */
    public boolean plainHttpAllowed(String host) {
        if (isLoopbackHost(host)) return true;
        if (host == null || privateNetworks.isEmpty()) return false;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            return addresses.length > 0 && java.util.Arrays.stream(addresses).allMatch(this::inPrivateNetwork);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A loopback literal (IPv4, IPv6, bracketed or not) or localhost; never a name looked up in DNS. */
    public static boolean isLoopbackHost(String host) {
        if (host == null) return false;
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) return true;
        try {
            return (bare.matches("[0-9.]+") || bare.contains(":")) && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Not private, link-local, loopback, multicast, unspecified, shared (100.64/10) or unique-local. */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) return false;                     // this network, reserved, broadcast
            if (first == 100 && second >= 64 && second < 128) return false;   // carrier-grade NAT
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false; // IETF protocol assignments
            if (first == 198 && (second == 18 || second == 19)) return false; // benchmarking
            return true;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) return false;                          // unique local fc00::/7
            boolean mapped = true;                                           // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
