package vn.motsach.infra.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.motsach.infra.time.IdGenerator;

/**
 * Puts the request's id and the school it is about into every log line written while it is
 * served ({@code requestId} and {@code school} in the MDC, which the log pattern and the JSON
 * formats print), so that an operator can follow one request, or one school, through the logs of
 * several instances. The id comes from the reverse proxy's {@code X-Request-Id} when it sent a
 * plausible one (the proxy's access log then names the same request), else a new one; either way
 * it is answered back in {@code X-Request-Id}.
 */
public final class RequestLogContext extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String SCHOOL = "school";

    /** What a proxy's id looks like (nginx's {@code $request_id} is 32 hex digits); anything else could forge log lines. */
    private static final Pattern PLAUSIBLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String SCHOOLS = "/api/v1/schools/";

    private final IdGenerator ids;

    public RequestLogContext(IdGenerator ids) {
        this.ids = ids;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String requestId = given != null && PLAUSIBLE_ID.matcher(given).matches() ? given : ids.newId().toString();
        response.setHeader(HEADER, requestId);
        MDC.put(REQUEST_ID, requestId);
        String school = schoolOf(request.getRequestURI());
        if (school != null) {
            MDC.put(SCHOOL, school);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(SCHOOL);
        }
    }

    /** The school a path under {@code /api/v1/schools/{schoolId}} is about, when it is a plausible id. */
    static String schoolOf(String path) {
        if (path == null || !path.startsWith(SCHOOLS)) {
            return null;
        }
        int end = path.indexOf('/', SCHOOLS.length());
        String school = path.substring(SCHOOLS.length(), end < 0 ? path.length() : end);
        return PLAUSIBLE_ID.matcher(school).matches() ? school : null;
    }
}
