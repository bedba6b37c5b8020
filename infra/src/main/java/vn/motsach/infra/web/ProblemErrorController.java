package vn.motsach.infra.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.LocaleResolver;
import vn.motsach.infra.database.TransientFailures;

/**
 * The error page: what a filter, the servlet container or Spring answered with only a status
 * (a request the firewall rejected, a failure outside a controller) becomes a problem detail,
 * like every other refusal, instead of Spring Boot's error JSON.
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

    private final Problems problems;
    private final LocaleResolver locales;

    public ProblemErrorController(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // called by its address rather than for an error: there is nothing there
        HttpStatus status = HttpStatus.resolve(code instanceof Integer value ? value : 404);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // a filter that read the database in a moment it could not serve (the caller's authority lines)
        boolean busy = status == HttpStatus.INTERNAL_SERVER_ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && TransientFailures.isTransient(failure);
        if (busy) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        }
        ProblemDetail problem = problems.of(status, busy ? "SERVICE_BUSY" : Problems.codeFor(status.value()), new Object[0],
                List.of(), locales.resolveLocale(request));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            problem.setInstance(java.net.URI.create(uri.toString()));
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (busy) {
            answer.header("Retry-After", "1");
        }
        return answer.body(problem);
    }
}
