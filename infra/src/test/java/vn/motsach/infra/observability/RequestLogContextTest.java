package vn.motsach.infra.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestLogContextTest {

    private static final UUID GENERATED = UUID.fromString("0190f1a2-0000-7000-8000-000000000001");

    private final RequestLogContext filter = new RequestLogContext(() -> GENERATED);

    @Test
    void theSchoolAndTheProxysRequestIdAreInTheLogContextWhileTheRequestIsServed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/schools/th-an-binh/checkouts");
        request.addHeader("X-Request-Id", "3f2a9c0d8e7b4a1c9d0e1f2a3b4c5d6e");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.putAll(MDC.getCopyOfContextMap());
            }
        });

        assertThat(seen).containsEntry("school", "th-an-binh").containsEntry("requestId", "3f2a9c0d8e7b4a1c9d0e1f2a3b4c5d6e");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("3f2a9c0d8e7b4a1c9d0e1f2a3b4c5d6e");
        assertThat(MDC.get("requestId")).as("cleared once served").isNull();
        assertThat(MDC.get("school")).isNull();
    }

    @Test
    void anImplausibleIdIsReplacedSoThatNoCallerWritesIntoTheLogs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/health");
        request.addHeader("X-Request-Id", "x\n2026-12-05 ERROR forged line");
        MockHttpServletResponse response = new MockHttpServletResponse();
        Map<String, String> seen = new HashMap<>();

        filter.doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.putAll(MDC.getCopyOfContextMap());
            }
        });

        assertThat(seen).containsEntry("requestId", GENERATED.toString()).doesNotContainKey("school");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo(GENERATED.toString());
    }

    @Test
    void theSchoolIsTheSegmentAfterSchools() {
        assertThat(RequestLogContext.schoolOf("/api/v1/schools/thcs-an-vinh")).isEqualTo("thcs-an-vinh");
        assertThat(RequestLogContext.schoolOf("/api/v1/schools/thcs-an-vinh/loans/overdue")).isEqualTo("thcs-an-vinh");
        assertThat(RequestLogContext.schoolOf("/api/v1/schools/")).isNull();
        assertThat(RequestLogContext.schoolOf("/api/v1/authorities/xa-an")).isNull();
        assertThat(RequestLogContext.schoolOf("/api/v1/schools/a%0Ab/loans")).isNull();
    }
}
