package vn.motsach.infra.apidocs;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.springframework.http.HttpStatus;

/**
 * Error answers in the document: RFC 9457 problem details ({@code application/problem+json})
 * whose {@code code} lists the codes that answer can carry.
 */
public final class ProblemAnswers {

    static final String MEDIA_TYPE = "application/problem+json";
    static final String SCHEMA = "ProblemDetail";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    private ProblemAnswers() {
    }

    /** The shape shared by every error answer; {@code code} may be any code of the API. */
    static Schema<Object> problemDetail(List<String> codes) {
        Schema<Object> field = object();
        field.addProperty("field", string("Trường, header hoặc tham số sai, đúng tên trong yêu cầu."));
        field.addProperty("message", string("Sai ở đâu, bằng ngôn ngữ của người đọc."));
        field.required(List.of("field", "message"));
        Schema<Object> errors = typed(new ArraySchema().items(field), "array");
        errors.setDescription("Với VALIDATION_FAILED: mọi trường sai.");
        Schema<Object> problem = object();
        problem.setDescription("Problem detail RFC 9457. Yêu cầu nhận nó không thay đổi gì.");
        problem.addProperty("type", string("URI định danh vấn đề."));
        problem.addProperty("title", string("Tiêu đề ngắn, tiếng Việt trừ khi Accept-Language xin tiếng Anh."));
        Schema<Integer> status = typed(new Schema<>(), "integer");
        status.setDescription("Mã trạng thái HTTP.");
        problem.addProperty("status", status);
        problem.addProperty("detail", string("Chuyện gì đã xảy ra, cho cán bộ thư viện, bằng ngôn ngữ của người đọc."));
        problem.addProperty("instance", string("Đường dẫn của yêu cầu."));
        Schema<String> code = codes(codes);
        code.setDescription("Mã ổn định của vấn đề.");
        problem.addProperty("code", code);
        problem.addProperty("errors", errors);
        problem.required(List.of("type", "title", "status", "detail", "code"));
        return problem;
    }

    /** Documents (or extends) the operation's answer for {@code status} with these codes. */
    public static void add(Operation operation, HttpStatus status, List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        String key = Integer.toString(status.value());
        TreeSet<String> all = new TreeSet<>(codes);
        ApiResponse existing = operation.getResponses().get(key);
        all.addAll(codesOf(existing));
        String description = existing != null && existing.getDescription() != null && !existing.getDescription().isBlank()
                && !existing.getDescription().equals(status.getReasonPhrase())
                ? existing.getDescription()
                : status.getReasonPhrase() + ": " + String.join(", ", all);
        Schema<Object> schema = new Schema<>();
        schema.addAllOfItem(new Schema<>().$ref(REF));
        Schema<Object> narrowed = object();
        narrowed.addProperty("code", codes(new ArrayList<>(all)));
        schema.addAllOfItem(narrowed);
        ApiResponse answer = new ApiResponse().description(description)
                .content(new Content().addMediaType(MEDIA_TYPE, new MediaType().schema(schema)));
        if (existing != null && existing.getHeaders() != null) {
            answer.setHeaders(existing.getHeaders());
        }
        operation.getResponses().addApiResponse(key, answer);
    }

    private static List<String> codesOf(ApiResponse answer) {
        if (answer == null || answer.getContent() == null || answer.getContent().get(MEDIA_TYPE) == null
                || answer.getContent().get(MEDIA_TYPE).getSchema().getAllOf() == null) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        for (Object item : answer.getContent().get(MEDIA_TYPE).getSchema().getAllOf()) {
            Schema<?> part = (Schema<?>) item;
            Schema<?> code = part.getProperties() == null ? null : part.getProperties().get("code");
            if (code != null && code.getEnum() != null) {
                for (Object value : code.getEnum()) {
                    found.add(value.toString());
                }
            }
        }
        return found;
    }

    private static Schema<String> codes(List<String> codes) {
        Schema<String> code = typed(new Schema<>(), "string");
        code.setEnum(codes);
        return code;
    }

    private static Schema<Object> object() {
        return typed(new Schema<>(), "object");
    }

    private static Schema<String> string(String description) {
        Schema<String> text = typed(new Schema<>(), "string");
        text.setDescription(description);
        return text;
    }

    /** OpenAPI 3.1 names a schema's type in {@code types}; 3.0 in {@code type}: both, so either version reads it. */
    public static <T, S extends Schema<T>> S typed(S schema, String type) {
        schema.setType(type);
        schema.addType(type);
        return schema;
    }
}
