package dev.raq.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** Provider reply fixtures from the test resources, and a few test doubles shared by the client tests. */
final class Fixtures {

    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A ticker that advances {@code stepMillis} every time it is read. */
    static LongSupplier steppingTicker(long stepMillis) {
        AtomicLong now = new AtomicLong();
        return () -> now.addAndGet(stepMillis * 1_000_000L);
    }

    /**
     * A TCP server on 127.0.0.1 that accepts one connection, reads the request head, and resets the connection
     * (SO_LINGER 0) without answering.
     */
    static final class ResettingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final Thread thread;

        ResettingServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        s.getInputStream().read(new byte[1024]);
                        s.setSoLinger(true, 0);
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "resetting-server");
            thread.setDaemon(true);
            thread.start();
        }

        String baseUrl() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
