package vn.motsach.infra.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void theForwardedHeaderIsIgnoredUnlessAProxyIsTrusted() {
        ClientAddress none = new ClientAddress(List.of());
        assertThat(none.of(request("203.0.113.9", "10.9.9.9"))).isEqualTo("203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheClientIsTheFirstUntrustedAddressFromTheRight() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8", "192.0.2.1"));
        assertThat(proxies.of(request("10.0.0.5", "198.51.100.7"))).isEqualTo("198.51.100.7");
        // what a client wrote itself is left of what the proxies added, and is not believed
        assertThat(proxies.of(request("10.0.0.5", "1.2.3.4, 198.51.100.7, 192.0.2.1"))).isEqualTo("198.51.100.7");
        assertThat(proxies.of(request("10.0.0.5", "2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(proxies.of(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
        assertThat(proxies.of(request("10.0.0.5", "ten.example.vn"))).isEqualTo("10.0.0.5");
        assertThat(proxies.of(request("203.0.113.9", "198.51.100.7"))).isEqualTo("203.0.113.9");
    }

    @Test
    void httpsIsBelievedFromATrustedProxyOnly() {
        ClientAddress proxies = new ClientAddress(List.of("10.0.0.0/8"));
        MockHttpServletRequest viaProxy = request("10.0.0.5", "198.51.100.7");
        viaProxy.addHeader("X-Forwarded-Proto", "https");
        assertThat(proxies.overHttps(viaProxy)).isTrue();
        MockHttpServletRequest claimed = request("203.0.113.9", null);
        claimed.addHeader("X-Forwarded-Proto", "https");
        assertThat(proxies.overHttps(claimed)).isFalse();
        assertThat(proxies.overHttps(request("10.0.0.5", "198.51.100.7"))).isFalse();
        MockHttpServletRequest direct = request("203.0.113.9", null);
        direct.setSecure(true);
        assertThat(proxies.overHttps(direct)).isTrue();
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/token");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
