package vn.motsach.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import vn.motsach.testing.TestTokens;

/**
 * One desk's HTTP connection for the load generators: a blocking request on the desk's own
 * thread over a kept-alive connection. The JDK's asynchronous {@code HttpClient} hands every
 * exchange to a selector thread and a worker thread; on this two-core machine that took about a
 * tenth of the CPU the system under test needed, and its hand-offs counted in every latency.
 */
final class DeskConnection {

    private final String base;
    private final String authorization = "Bearer " + TestTokens.systemAdmin();

    DeskConnection(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Posts a JSON body and returns the status; the answer is read to the end so the connection is kept. */
    int post(String path, String json) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Authorization", authorization);
            connection.setRequestProperty("Content-Type", "application/json");
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
