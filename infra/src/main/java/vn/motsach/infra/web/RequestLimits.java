package vn.motsach.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriUtils;

/**
 * The shape of every request, checked before anything reads it: a body of at most the configured
 * size ({@code motsach.web.max-body-size}), a content type that names one type, and no NUL
 * character nor over-long value in the path or the query parameters (PostgreSQL refuses NUL in
 * text, and a parameter reaches a column or a parser). What fails is answered as a problem
 * detail here, since no controller has been chosen yet.
 */
public final class RequestLimits extends OncePerRequestFilter {

    /**
     * Longer than any id, date, code or search text the API takes in a query parameter, with room
     * for a short list of barcodes; each parameter's own check may ask for less.
     */
    static final int MAX_PARAMETER_LENGTH = 1024;

    private final Problems problems;
    private final LocaleResolver locales;
    private final long maxBodyBytes;
    private final long maxUploadBytes;
    private final List<String> uploadPaths;
    private final AntPathMatcher paths = new AntPathMatcher();

    public RequestLimits(Problems problems, LocaleResolver locales, long maxBodyBytes) {
        this(problems, locales, maxBodyBytes, maxBodyBytes, List.of());
    }

    /**
     * {@code maxUploadBytes}: the cap of a file upload ({@code multipart/form-data}) to one of
     * {@code uploadPaths} (an import's file); any other body, a multipart one too, has {@code maxBodyBytes}.
     */
    public RequestLimits(Problems problems, LocaleResolver locales, long maxBodyBytes, long maxUploadBytes,
            List<String> uploadPaths) {
        this.problems = problems;
        this.locales = locales;
        this.maxBodyBytes = maxBodyBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    /**
     * A multipart body is parsed by the servlet container from its own stream, past any wrapper:
     * with no length said, only Spring's multipart limits (the upload size) cap it. So it is taken
     * without a length on the upload routes only, where those limits answer 413 past the upload
     * size; elsewhere it must say its length, to be held to the body cap.
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = isUpload(request.getContentType());
        boolean upload = multipart && isUploadPath(request);
        long maxBytes = upload ? maxUploadBytes : maxBodyBytes;
        if (request.getContentLengthLong() > maxBytes) {
            refuse(request, response, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", maxBytes));
            return;
        }
        if (multipart && !upload && request.getContentLengthLong() < 0) {
            refuse(request, response, new ApiProblem(HttpStatus.LENGTH_REQUIRED, "LENGTH_REQUIRED"));
            return;
        }
        if (!namesOneType(request.getContentType())) {
            refuse(request, response, new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE"));
            return;
        }
        Optional<ApiProblem.FieldProblem> problem = pathProblem(request).or(() -> queryProblem(request.getQueryString()));
        if (problem.isPresent()) {
            refuse(request, response, ApiProblem.invalid(List.of(problem.get())));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Capped(request, maxBytes) : request, response);
    }

    private boolean isUploadPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return uploadPaths.stream().anyMatch(pattern -> paths.match(pattern, path));
    }

    private static boolean isUpload(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data");
    }

    /** Absent, or a type such as {@code application/json}: never {@code *}{@code /*} nor text that is not a type. */
    private static boolean namesOneType(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static Optional<ApiProblem.FieldProblem> pathProblem(HttpServletRequest request) {
        try {
            if (UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8).indexOf('\0') >= 0) {
                return Optional.of(new ApiProblem.FieldProblem("path", "nul"));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(new ApiProblem.FieldProblem("path", "invalid", request.getRequestURI()));
        }
    }

    /** Read from the query string itself, so that a form body is never parsed for it. */
    static Optional<ApiProblem.FieldProblem> queryProblem(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.of(new ApiProblem.FieldProblem("query", "invalid", pair));
            }
            String field = name.indexOf('\0') >= 0 || name.length() > MAX_PARAMETER_LENGTH ? "query" : name;
            if (name.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
                return Optional.of(new ApiProblem.FieldProblem(field, "nul"));
            }
            if (name.length() > MAX_PARAMETER_LENGTH || value.length() > MAX_PARAMETER_LENGTH) {
                return Optional.of(new ApiProblem.FieldProblem(field, "tooLong", MAX_PARAMETER_LENGTH));
            }
        }
        return Optional.empty();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        Problems.write(response, request.getRequestURI(), problems.of(problem.status(), problem.code(), problem.arguments(),
                problem.fieldProblems(), locales.resolveLocale(request)));
    }

    /** A body sent without a length (chunked), cut off once it passes the cap. */
    private static final class Capped extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream capped;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (capped == null) {
                capped = new CappedStream(super.getInputStream(), maxBytes);
            }
            return capped;
        }
    }

    private static final class CappedStream extends ServletInputStream {

        private final ServletInputStream body;
        private final long maxBytes;
        private long read;

        CappedStream(ServletInputStream body, long maxBytes) {
            this.body = body;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int next = body.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) {
            read += bytes;
            if (read > maxBytes) {
                throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE", maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }
    }
}
