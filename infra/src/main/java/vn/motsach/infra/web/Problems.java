package vn.motsach.infra.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem details of the API in the reader's language: for controllers (through
 * {@link ProblemDetailsAdvice}) and for the security filters, which answer before any controller.
 */
public final class Problems {

    private final MessageSource messages;

    public Problems(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail of(HttpStatus status, String code, Object[] arguments, List<ApiProblem.FieldProblem> fields,
            Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("https://motsach.vn/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(text("problem." + code + ".title", new Object[0], locale, status.getReasonPhrase()));
        problem.setDetail(text("problem." + code + ".detail", arguments, locale, code));
        problem.setProperty("code", code);
        if (!fields.isEmpty()) {
            problem.setProperty("errors", fields.stream()
                    .map(field -> Map.of(
                            "field", field.field(),
                            "message", text("field." + field.messageKey(), field.arguments(), locale, field.messageKey())))
                    .toList());
        }
        return problem;
    }

    private String text(String key, Object[] arguments, Locale locale, String fallback) {
        return messages.getMessage(key, arguments, fallback, locale);
    }
}
