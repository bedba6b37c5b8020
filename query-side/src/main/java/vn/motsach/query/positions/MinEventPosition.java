package vn.motsach.query.positions;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import vn.motsach.infra.apidocs.ProblemAnswers;
import vn.motsach.infra.web.ApiProblem;

/**
 * Read-your-writes: a query that names {@code X-Min-Event-Position} is answered only once every
 * projection has applied that event, waiting up to two seconds (then 503 with Retry-After).
 */
final class MinEventPosition implements HandlerInterceptor {

    static final String HEADER = "X-Min-Event-Position";
    private static final Duration PATIENCE = Duration.ofSeconds(2);

    private final ProjectionPositions positions;

    MinEventPosition(ProjectionPositions positions) {
        this.positions = positions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        String header = request.getHeader(HEADER);
        if (!"GET".equals(request.getMethod()) || header == null || header.isBlank()) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            position = -1;
        }
        if (position < 0) {
            // a position is where an event was stored: never negative
            throw ApiProblem.invalid(List.of(new ApiProblem.FieldProblem(HEADER, "invalid",
                    header.length() > 32 ? header.substring(0, 32) + "…" : header)));
        }
        if (!positions.awaitAll(position, PATIENCE)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "PROJECTION_BEHIND", position).retryingAfter(1);
        }
        return true;
    }

    /** In the OpenAPI document: every query takes the header and may answer 503 {@code PROJECTION_BEHIND}. */
    static Operation document(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(GetMapping.class)) {
            return operation;
        }
        operation.addParametersItem(new HeaderParameter().name(HEADER).required(false)
                .description("Đọc ngay điều vừa ghi: giá trị X-Event-Position của lệnh ghi; câu trả lời chờ tới khi "
                        + "phía truy vấn đã cập nhật tới vị trí ấy (tối đa " + PATIENCE.toSeconds() + " giây).")
                .schema(ProblemAnswers.typed(new Schema<Long>(), "integer").format("int64").minimum(BigDecimal.ZERO))
                .example("1024"));
        ProblemAnswers.add(operation, HttpStatus.SERVICE_UNAVAILABLE, List.of("PROJECTION_BEHIND"));
        operation.getResponses().get("503").addHeaderObject("Retry-After", new Header()
                .description("Số giây nên chờ trước khi hỏi lại.")
                .schema(ProblemAnswers.typed(new Schema<Integer>(), "integer")));
        return operation;
    }
}
