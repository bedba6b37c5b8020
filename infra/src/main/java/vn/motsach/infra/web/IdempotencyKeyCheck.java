package vn.motsach.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one check of the {@code Idempotency-Key} header, on every POST before its controller: a
 * key is sent once, as 1 to {@value #MAX_LENGTH} characters without control characters. A key
 * that could not be stored or compared is bad input (400 naming the header), never a 500 from
 * the column it would not fit in; controllers only ever see keys that can be kept.
 */
public final class IdempotencyKeyCheck implements HandlerInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (HttpMethod.POST.matches(request.getMethod())) {
            check(Collections.list(request.getHeaders(HEADER)));
        }
        return true;
    }

    /** Refuses the values of the header unless they are no key at all or one key that can be kept. */
    private static void check(List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        RequestCheck check = RequestCheck.of();
        String key = values.get(0);
        if (values.size() > 1 || key.isBlank() || key.chars().anyMatch(Character::isISOControl)) {
            check.problem(HEADER, "idempotencyKey", MAX_LENGTH);
        } else if (key.length() > MAX_LENGTH) {
            check.problem(HEADER, "tooLong", MAX_LENGTH);
        }
        check.orRefuse();
    }
}
