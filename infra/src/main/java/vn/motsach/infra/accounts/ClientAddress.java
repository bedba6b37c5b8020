package vn.motsach.infra.accounts;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The address a request comes from, as sign-ins are counted and audited by it. Behind a reverse
 * proxy every request comes from the proxy, which names the client in {@code X-Forwarded-For};
 * anyone can send that header, so it is believed only from the configured trusted proxies, and
 * then read from the right: the first address that is not a trusted proxy is the client.
 */
final class ClientAddress {

    /** An IPv4 or IPv6 literal: anything else is never looked up (a name would cost a DNS query). */
    private static final Pattern IP = Pattern.compile(
            "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}|(?=.*:)[0-9a-fA-F:.]{2,45}");
    private static final int MOST_HOPS = 20;

    private final List<IpAddressMatcher> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges ({@code 10.0.0.0/8}) of the proxies in front of us */
    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!trusted(remote)) {
            return remote;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",", MOST_HOPS + 1)) {
                hops.add(hop.strip());
            }
        }
        String client = remote;
        for (int i = hops.size() - 1; i >= 0 && hops.size() - i <= MOST_HOPS; i--) {
            String hop = hops.get(i);
            if (!IP.matcher(hop).matches()) {
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    /**
     * Whether the client reached us over HTTPS: directly, or through a trusted proxy that ended TLS
     * and says so in {@code X-Forwarded-Proto} (a header anyone else could send is not believed).
     */
    boolean overHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String proto = request.getHeader("X-Forwarded-Proto");
        return proto != null && trusted(request.getRemoteAddr())
                && "https".equalsIgnoreCase(proto.split(",", 2)[0].strip());
    }

    private boolean trusted(String address) {
        if (address == null || !IP.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher proxy : trustedProxies) {
            try {
                if (proxy.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException notAnAddress) {
                return false;
            }
        }
        return false;
    }
}
