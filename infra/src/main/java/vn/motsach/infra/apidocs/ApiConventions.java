package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.Role;

/**
 * The conventions every operation shares, written into each operation of the document: who may
 * call it (from {@link AccessRules}, the one table of access), the bearer token, invalid input,
 * and the idempotency key of a POST. What only one operation can answer comes from its
 * {@link Refusals}.
 */
final class ApiConventions implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The longest idempotency key the API keeps (the contract's limit). */
    static final int IDEMPOTENCY_KEY_LENGTH = 200;

    private final AccessRules rules;

    ApiConventions(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        Optional<AccessRules.Rule> rule = rules.ruleFor(method.name(), path);
        ProblemAnswers.add(operation, HttpStatus.BAD_REQUEST, List.of("VALIDATION_FAILED"));
        if (rule.map(found -> found.kind() != AccessRules.Kind.OPEN).orElse(true) && operation.getSecurity() == null) {
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            ProblemAnswers.add(operation, HttpStatus.UNAUTHORIZED, List.of("UNAUTHENTICATED"));
            ProblemAnswers.add(operation, HttpStatus.FORBIDDEN, List.of("FORBIDDEN"));
            operation.setDescription(join(operation.getDescription(), whoMayCall(rule)));
        }
        idempotencyKey(operation).ifPresent(key -> {
            key.description("Khoá chống lặp (idempotency key): gửi lại cùng khoá với cùng nội dung nhận lại đúng câu trả lời "
                    + "đầu tiên và chỉ có một tác dụng; cùng khoá với nội dung khác nhận 422 IDEMPOTENCY_KEY_REUSED. "
                    + "Khoá thuộc về tài khoản gửi nó, được giữ ít nhất 7 ngày, dài tối đa "
                    + IDEMPOTENCY_KEY_LENGTH + " ký tự.");
            key.getSchema().maxLength(IDEMPOTENCY_KEY_LENGTH);
            key.example("2f6c1c7e-5b1a-4f7e-9a49-0c6f3f1d9b21");
            ProblemAnswers.add(operation, HttpStatus.UNPROCESSABLE_CONTENT, List.of("IDEMPOTENCY_KEY_REUSED"));
        });
    }

    private static Optional<Parameter> idempotencyKey(Operation operation) {
        return Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()
                .filter(parameter -> "header".equals(parameter.getIn()) && IDEMPOTENCY_KEY.equals(parameter.getName()))
                .findFirst();
    }

    private static String whoMayCall(Optional<AccessRules.Rule> rule) {
        if (rule.isEmpty()) {
            return "Không có quy tắc truy cập: mọi vai trò nhận 403.";
        }
        String roles = rule.get().roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "));
        String scope = switch (rule.get().kind()) {
            case SCHOOL -> " của chính trường đó";
            case AUTHORITY -> " của chính cơ quan quản lý đó";
            default -> "";
        };
        return "Vai trò được phép: " + roles + scope + (rule.get().classScoped() ? " (giáo viên: chỉ lớp mình dạy)" : "") + ".";
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + "\n\n" + second;
    }
}
