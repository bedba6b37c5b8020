package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpStatus;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.LocalId;
import vn.motsach.events.MetricPeriod;
import vn.motsach.events.PatronCategory;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.Role;

/**
 * The conventions every operation shares, written into each operation of the document: who may
 * call it (from {@link AccessRules}, the one table of access), the bearer token, invalid input,
 * a body too large or of another media type, and the idempotency key of a POST. What only one operation can answer comes from its
 * {@link Refusals}.
 */
final class ApiConventions implements GlobalOpenApiCustomizer {

    static final String BEARER = "bearer";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The longest idempotency key the API keeps (the contract's limit). */
    static final int IDEMPOTENCY_KEY_LENGTH = 200;

    /** Pages as the contract has them: 20 items unless asked, at most 200. */
    private static final int DEFAULT_PAGE_SIZE = 20;
    private static final int MAX_PAGE_SIZE = 200;

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
        if (operation.getRequestBody() != null) {
            // RequestLimits refuses these before any controller reads the body
            ProblemAnswers.add(operation, HttpStatus.CONTENT_TOO_LARGE, List.of("PAYLOAD_TOO_LARGE"));
            ProblemAnswers.add(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of("UNSUPPORTED_MEDIA_TYPE"));
        }
        Optional.ofNullable(operation.getParameters()).orElse(List.of()).forEach(ApiConventions::shape);
        idempotencyKey(operation).ifPresent(key -> {
            key.description("Khoá chống lặp (idempotency key): gửi lại cùng khoá với cùng nội dung nhận lại đúng câu trả lời "
                    + "đầu tiên và chỉ có một tác dụng; cùng khoá với nội dung khác nhận 422 IDEMPOTENCY_KEY_REUSED. "
                    + "Khoá thuộc về tài khoản gửi nó, được giữ ít nhất 7 ngày, dài tối đa "
                    + IDEMPOTENCY_KEY_LENGTH + " ký tự.");
            Schema<String> bounded = ProblemAnswers.typed(new Schema<>(), "string");
            bounded.setMaxLength(IDEMPOTENCY_KEY_LENGTH);
            key.setSchema(bounded);
            key.example("2f6c1c7e-5b1a-4f7e-9a49-0c6f3f1d9b21");
            ProblemAnswers.add(operation, HttpStatus.UNPROCESSABLE_CONTENT, List.of("IDEMPOTENCY_KEY_REUSED"));
        });
    }

    /**
     * The API's ids have one form wherever they appear (the contract's conventions): school and
     * authority ids, the school's own ids (barcodes, patrons, classes), the server's UUIDs, dates,
     * the metrics' periods and pages.
     */
    private static void shape(Parameter parameter) {
        Schema<?> given = parameter.getSchema();
        if (given == null) {
            return;
        }
        // a fresh schema each time: the generator shares one schema object among parameters of a type
        Schema<?> shaped = switch (parameter.getName()) {
            case "schoolId" -> patterned(SchoolId.FORMAT);
            case "authorityId" -> patterned(AuthorityId.FORMAT);
            case "groupId" -> patterned(InteropGroupId.FORMAT);
            case "barcode", "patronId", "classId", "targetId", "toClassId" -> patterned(LocalId.FORMAT);
            case "titleId", "loanId", "holdId", "eventId", "periodId", "importId", "stocktakeId", "requestId", "exceptionId", "rotationId" -> formatted("uuid");
            case "schoolYear" -> patterned(Pattern.compile("\\d{4}-\\d{4}"));
            case "on" -> formatted("date");
            case "period" -> enumOf(MetricPeriod.values());
            case "category" -> enumOf(PatronCategory.values());
            case "page" -> counted(0, null, 0);
            case "size" -> counted(1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
            default -> given;
        };
        parameter.setSchema(shaped);
        if ("schoolYear".equals(parameter.getName())) {
            parameter.setExample("2025-2026");
        }
    }

    private static Schema<String> patterned(Pattern pattern) {
        Schema<String> schema = ProblemAnswers.typed(new Schema<>(), "string");
        schema.setPattern("^" + pattern.pattern() + "$");
        return schema;
    }

    private static Schema<String> formatted(String format) {
        Schema<String> schema = ProblemAnswers.typed(new Schema<>(), "string");
        schema.setFormat(format);
        return schema;
    }

    private static Schema<Integer> counted(int least, Integer most, int byDefault) {
        Schema<Integer> schema = ProblemAnswers.typed(new Schema<>(), "integer");
        schema.setFormat("int32");
        schema.setMinimum(BigDecimal.valueOf(least));
        schema.setMaximum(most == null ? null : BigDecimal.valueOf(most));
        schema.setDefault(byDefault);
        return schema;
    }

    private static Schema<String> enumOf(Enum<?>[] values) {
        Schema<String> schema = ProblemAnswers.typed(new Schema<>(), "string");
        schema.setEnum(Arrays.stream(values).map(Enum::name).toList());
        return schema;
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
            case AUTHORITY -> " của chính cơ quan quản lý đó hoặc một cơ quan cấp trên của nó";
            case AUTHORITY_BELOW -> " của một cơ quan quản lý cấp trên của cơ quan đó (hoặc cơ quan mới, đặt dưới mình)";
            case MEMBERS -> " thuộc nhóm (trường thành viên, cơ quan quản lý của nhóm)";
            default -> "";
        };
        String classes = rule.get().classScoped() ? " (giáo viên: chỉ lớp mình dạy)" : "";
        return "Vai trò được phép: " + roles + scope + classes + ".";
    }

    private static String join(String first, String second) {
        return first == null || first.isBlank() ? second : first + "\n\n" + second;
    }
}
