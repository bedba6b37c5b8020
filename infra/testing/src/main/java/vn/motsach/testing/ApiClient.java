package vn.motsach.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the HTTP API of a running application the way a front-end would: real requests, JSON back. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String token;
    private final Duration timeout;

    /** A client signed in as a system administrator, who may call everything. */
    public ApiClient(int port) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), "http://127.0.0.1:" + port,
                TestTokens.systemAdmin());
    }

    private ApiClient(HttpClient http, String base, String token, Duration timeout) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.timeout = timeout;
    }

    private ApiClient(HttpClient http, String base, String token) {
        this(http, base, token, PATIENCE);
    }

    /** The same server, called with another access token ({@code null}: with none). */
    public ApiClient as(String accessToken) {
        return new ApiClient(http, base, accessToken, timeout);
    }

    /**
     * The same caller, giving up on an answer after {@code timeout}: a desk on a poor network
     * whose answers are lost. A request given up on throws {@link UncheckedIOException}; the
     * server may still carry it out.
     */
    public ApiClient givingUpAfter(Duration timeout) {
        return new ApiClient(http, base, token, timeout);
    }

    public Answer get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Answer put(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * The same upload sent without saying its length (chunked, as a client streaming a file
     * does), so that only the server's own limits stop a body that is too large.
     */
    public Answer uploadChunked(String path, String fileName, byte[] file, Map<String, String> fields, String... headers) {
        byte[] body = multipart(fileName, file, fields);
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    private static final String BOUNDARY = "motsach-test-boundary-7d1f";

    /** A file sent as {@code multipart/form-data} (its part named {@code file}), with the form's other fields. */
    public Answer upload(String path, String fileName, byte[] file, Map<String, String> fields, String... headers) {
        return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, file, fields))));
    }

    /**
     * As {@link #upload(String, String, byte[], Map, String...)}, the file streamed from disk: a
     * benchmark sending a file of a hundred megabytes keeps no copy of it on its heap.
     */
    public Answer upload(String path, java.nio.file.Path file, Map<String, String> fields, String... headers) {
        byte[] around = multipart(file.getFileName().toString(), new byte[0], fields);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] head = java.util.Arrays.copyOf(around, around.length - tail.length);
        try {
            return send(request(path, headers).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail))));
        } catch (java.io.FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] multipart(String fileName, byte[] file, Map<String, String> fields) {
        String boundary = BOUNDARY;
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    /** A GET answered with a file (a workbook, a MARC file): its status, headers and bytes. */
    public Download download(String path, String... headers) {
        try {
            HttpResponse<byte[]> response = http.send(request(path, headers).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Download(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public String contentType() {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase("Content-Type"))
                    .flatMap(entry -> entry.getValue().stream()).findFirst().orElse("");
        }
    }

    public Answer options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    }

    public Answer head(String path, String... headers) {
        return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    public Answer delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .flatMap(entry -> entry.getValue().stream())
                    .findFirst();
        }

        public long eventPosition() {
            return Long.parseLong(header("X-Event-Position").orElseThrow(() -> new AssertionError("No X-Event-Position: " + this)));
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString(null);
        }
    }
}
