package vn.motsach.infra.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for what it refuses before Spring sees the request (a request line or
 * headers too long, a path it cannot decode): a problem detail, as every other answer, in place
 * of Tomcat's HTML page.
 */
final class ProblemReportValve extends ErrorReportValve {

    private final Problems problems;

    ProblemReportValve(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        HttpStatus answered = known == null ? HttpStatus.BAD_REQUEST : known;
        String body = Problems.json(request.getRequestURI(), problems.of(answered, Problems.codeFor(status), new Object[0], List.of(),
                locale(request)));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer already begun: nothing more to say
        }
    }

    /** English when the request asks for it; the headers may not have been read at all. */
    private static Locale locale(Request request) {
        try {
            String language = request.getHeader("Accept-Language");
            return language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en")
                    ? Locale.ENGLISH : WebAutoConfiguration.VIETNAMESE;
        } catch (RuntimeException e) {
            return WebAutoConfiguration.VIETNAMESE;
        }
    }
}
