package vn.motsach.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import vn.motsach.infra.web.Problems;

/** The security filters' answers, as problem details in the reader's language like every other refusal. */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final Problems problems;
    private final LocaleResolver locales;

    SecurityProblems(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        if (e instanceof ApiAccess.MethodNotAllowed notAllowed) {
            response.setHeader("Allow", notAllowed.allow());
            write(request, response, HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED");
        } else if (e instanceof ApiAccess.NotFoundForCaller) {
            write(request, response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        } else if (e instanceof ApiAccess.NotYourClass notYours) {
            write(request, response, HttpStatus.FORBIDDEN, "NOT_YOUR_CLASS", notYours.classId());
        } else {
            write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN");
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
            Object... arguments) throws IOException {
        Problems.write(response, request.getRequestURI(),
                problems.of(status, code, arguments, List.of(), locales.resolveLocale(request)));
    }
}
