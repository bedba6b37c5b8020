package vn.motsach.local.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desk's network cable, between the browser and the server: a TCP relay the browser talks
 * to, which can be unplugged (every open connection cut, every new one closed at once) and
 * plugged in again. Chromium's own offline switch (DevTools' network emulation) holds for the
 * page but not for its service worker's fetches; pulling the cable makes the server unreachable
 * for both, as a dropped school connection does.
 */
final class NetworkCable implements AutoCloseable {

    private final ServerSocket listening;
    private final int server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean plugged = true;

    NetworkCable(int serverPort) {
        this.server = serverPort;
        try {
            this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread accepting = new Thread(this::accept, "network-cable");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** The port the browser opens pages on. */
    int port() {
        return listening.getLocalPort();
    }

    void unplug() {
        plugged = false;
        open.forEach(NetworkCable::quietlyClose);
        open.clear();
    }

    void plugIn() {
        plugged = true;
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket browser = listening.accept();
                if (!plugged) {
                    quietlyClose(browser);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), server);
                open.add(browser);
                open.add(upstream);
                relay(browser, upstream);
                relay(upstream, browser);
            } catch (IOException e) {
                // the cable was closed, or one connection failed: the others go on
            }
        }
    }

    private void relay(Socket from, Socket to) {
        Thread pumping = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // cut: the other direction ends with it
            } finally {
                quietlyClose(from);
                quietlyClose(to);
                open.remove(from);
                open.remove(to);
            }
        }, "network-cable-relay");
        pumping.setDaemon(true);
        pumping.start();
    }

    private static void quietlyClose(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        unplug();
        try {
            listening.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
