package uk.customerhub.infra.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Keeps webhooks away from the hub's own network (SSRF): a target whose address is loopback, private, link-local
 * (cloud metadata services live there), unique-local, carrier-grade NAT, unspecified or multicast is refused unless it
 * lies in a configured allowed network. Checked on the URL when ADMIN sets it and again on every address the host
 * resolves to when a webhook is sent, so a name that later points inside is caught too.
 */
public class AddressGuard {
    private static final List<Network> INTERNAL = List.of(
            Network.parse("0.0.0.0/8"), Network.parse("100.64.0.0/10"), Network.parse("192.0.0.0/24"),
            Network.parse("198.18.0.0/15"), Network.parse("240.0.0.0/4"), Network.parse("fc00::/7"));

    private final List<Network> allowed;

    public AddressGuard(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(String::strip).filter(text -> !text.isEmpty()).map(Network::parse).toList();
    }

    /** A webhook URL ADMIN may set: absolute http(s) with a host, no credentials; null if fine, else the reason. */
    public String problemWithUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.getScheme() == null
                || !List.of("http", "https").contains(url.getScheme().toLowerCase(Locale.ROOT))) {
            return "must be an absolute http or https URL";
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            return "must name a host";
        }
        if (url.getRawUserInfo() != null) {
            return "must not carry credentials";
        }
        if (url.getRawFragment() != null) {
            return "must not have a fragment";
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(url.getHost())) {
                if (!permitted(address)) {
                    return "points at an internal address (" + address.getHostAddress() + "), which is not allowed";
                }
            }
        } catch (UnknownHostException e) {
            // a name that does not resolve yet: checked again when a webhook is sent
        }
        return null;
    }

    /**
     * The addresses {@code host} resolves to, all of them permitted.
     *
     * @throws RefusedAddressException when any is internal and not allowed
     * @throws UnknownHostException    when the name does not resolve
     */
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
        for (InetAddress address : addresses) {
            if (!permitted(address)) {
                throw new RefusedAddressException(host + " resolves to an internal address (" + address.getHostAddress()
                        + "), which is not allowed");
            }
        }
        return addresses;
    }

    /** Whether the hub may send to this address: public, or in an allowed network. */
    public boolean permitted(InetAddress address) {
        if (allowed.stream().anyMatch(network -> network.contains(address))) {
            return true;
        }
        return !internal(address);
    }

    static boolean internal(InetAddress address) {
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()
                || INTERNAL.stream().anyMatch(network -> network.contains(address));
    }

    /** A target address was refused. */
    public static class RefusedAddressException extends RuntimeException {
        public RefusedAddressException(String message) {
            super(message);
        }
    }

    /** A network in CIDR notation. */
    record Network(byte[] base, int prefix) {
        static Network parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            try {
                InetAddress address = InetAddress.getByName(parts[0]);
                int bits = address.getAddress().length * 8;
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("bad prefix in " + cidr);
                }
                return new Network(address.getAddress(), prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a network in CIDR notation (e.g. 127.0.0.0/8): " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (address instanceof Inet4Address != (base.length == 4) || address instanceof Inet6Address != (base.length == 16)) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != base[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (base[full] & mask);
        }
    }
}
