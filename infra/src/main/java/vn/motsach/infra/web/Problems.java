package vn.motsach.infra.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the problem details of the API in the reader's language: for controllers (through
 * {@link ProblemDetailsAdvice}) and for the security filters, which answer before any controller.
 * Being the one place every refusal passes, it counts them by code ({@code motsach.refusals}) and
 * decides how a day is written in its words: callers hand over a {@link LocalDate}, never its text.
 */
public final class Problems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** 05/09/2026: a day as a Vietnamese librarian writes it (and reads it in every language but English). */
    private static final DateTimeFormatter VIETNAMESE_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** 5 September 2026: ISO's 2026-09-05 reads as a code to a librarian, and 05/09 as May to some English readers. */
    private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /** 14:05 05/09/2026: a moment of the school's day, as the day is written after its time. */
    private static final DateTimeFormatter VIETNAMESE_TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/uuuu");

    /** 14:05, 5 September 2026. */
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("HH:mm, d MMMM uuuu", Locale.ENGLISH);

    /** Refusals answered, by problem code and status. */
    public static final String REFUSALS = "motsach.refusals";

    private final MessageSource messages;
    private final MeterRegistry meters;

    public Problems(MessageSource messages) {
        this(messages, new CompositeMeterRegistry());
    }

    public Problems(MessageSource messages, MeterRegistry meters) {
        this.messages = messages;
        this.meters = meters;
    }

    public ProblemDetail of(HttpStatus status, String code, Object[] arguments, List<ApiProblem.FieldProblem> fields,
            Locale locale) {
        Counter.builder(REFUSALS).description("Requests refused, by problem code")
                .tag("code", code).tag("status", Integer.toString(status.value()))
                .register(meters).increment();
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

    /**
     * The code of an error raised outside our controllers (by Tomcat, a filter or Spring) that
     * carries only a status.
     */
    public static String codeFor(int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414, 431 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }

    /**
     * Writes {@code problem} as the whole answer, for those who answer outside Spring MVC: the
     * security filters, the edge filter, the error page and Tomcat's error report. The same
     * shape Spring MVC gives problem details: extra properties beside the standard members.
     */
    public static void write(HttpServletResponse response, String instance, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json(instance, problem));
    }

    /** The body of {@code problem}, answered at {@code instance}. */
    public static String json(String instance, ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", instance);
        body.putAll(problem.getProperties() == null ? Map.of() : problem.getProperties());
        return JSON.writeValueAsString(body);
    }

    /** A message of the bundles in the reader's language, for a problem whose detail depends on more than its code. */
    String text(String key, Object[] arguments, Locale locale, String fallback) {
        return messages.getMessage(key, inWords(arguments, locale), fallback, locale);
    }

    /**
     * The arguments as the message names them: a day (or a moment of the school's day, a
     * {@link LocalDateTime} in its time zone) in the reader's way of writing it (an
     * English reader gets English words, anyone else the Vietnamese bundle and its digits), the
     * rest as they are. A message never formats a day itself, so every refusal writes days alike;
     * an import's report, whose messages are no problem details, writes its days here too.
     */
    public static Object[] inWords(Object[] arguments, Locale locale) {
        if (arguments == null) {
            return null;
        }
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        return Arrays.stream(arguments).map(argument -> {
            if (argument instanceof LocalDate day) {
                return (english ? ENGLISH_DAY : VIETNAMESE_DAY).format(day);
            }
            if (argument instanceof LocalDateTime time) {
                return (english ? ENGLISH_TIME : VIETNAMESE_TIME).format(time);
            }
            return argument;
        }).toArray();
    }
}
