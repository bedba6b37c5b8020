package vn.motsach.command.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.method.HandlerMethod;
import vn.motsach.infra.apidocs.ProblemAnswers;

/**
 * In the OpenAPI document, what every write of the command side answers through the
 * {@link CommandResponses}: {@code X-Event-Position} on success, for read-your-writes, and 503
 * {@code COMMANDS_BUSY} when too many commands wait their turn, {@code SERVICE_BUSY} when the
 * database could not decide the command for now, even run again.
 */
final class CommandAnswersDocumented implements GlobalOperationCustomizer {

    private static final String COMMAND_SIDE = "vn.motsach.command.";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.getBeanType().getName().startsWith(COMMAND_SIDE) || handler.hasMethodAnnotation(GetMapping.class)
                || operation.getResponses() == null) {
            return operation;
        }
        operation.getResponses().forEach((status, answer) -> {
            if (status.startsWith("2")) {
                answer.addHeaderObject(CommandResponses.EVENT_POSITION, new Header()
                        .description("Vị trí của sự kiện cuối cùng lệnh này lưu; gửi lại trong X-Min-Event-Position "
                                + "để đọc ngay điều vừa ghi.")
                        .schema(ProblemAnswers.typed(new Schema<Long>(), "integer").format("int64")));
            }
        });
        ProblemAnswers.add(operation, HttpStatus.SERVICE_UNAVAILABLE, List.of("COMMANDS_BUSY", "SERVICE_BUSY"));
        return operation;
    }
}
