package vn.motsach.local.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import vn.motsach.testing.TestTokens;

/**
 * One desk's connection for the load generators, used by one thread at a time: HTTP/1.1 over a socket of
 * its own, kept alive and without Nagle's delay, as a browser at a library desk holds it. The
 * JDK's asynchronous {@code HttpClient} handed every exchange to a selector thread and a worker
 * thread, which in the same JVM as the system under test took CPU from it and put hand-offs into
 * every latency; {@code HttpURLConnection} keeps only five connections per server and cannot
 * turn Nagle's algorithm off, so a kept connection waited for delayed acknowledgements.
 */
final class DeskConnection implements Closeable {

    private static final long IDLE_LIMIT_NANOS = 5_000_000_000L;

    private final int port;
    private final String authorization = "Bearer " + TestTokens.systemAdmin();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsed;

    DeskConnection(int port) {
        this.port = port;
    }

    /** Posts a JSON body and returns the status, having read the whole answer. */
    int post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: " + authorization
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try {
            connectIfNeeded();
            out.write(head);
            out.write(body);
            out.flush();
            int status = readAnswer();
            lastUsed = System.nanoTime();
            return status;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a connection that is already broken
            }
            socket = null;
        }
    }

    /** A connection left idle for a while may have been closed by the server: a request never goes out on one. */
    private void connectIfNeeded() throws IOException {
        if (socket != null && System.nanoTime() - lastUsed > IDLE_LIMIT_NANOS) {
            close();
        }
        if (socket == null) {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = new BufferedOutputStream(socket.getOutputStream());
        }
    }

    private int readAnswer() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        long length = -1;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                skip(size);
                line();
            }
            while (!line().isEmpty()) {
                // trailers: none expected
            }
        } else if (length > 0) {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private long chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("Connection closed in the middle of an answer");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
