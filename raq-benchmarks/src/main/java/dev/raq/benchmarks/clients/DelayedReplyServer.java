package dev.raq.benchmarks.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * A loopback HTTP/1.1 server that answers every request with the same reply after a fixed delay, on one thread.
 *
 * <p>It exists so that a client benchmark measures the client: the JDK's {@code com.sun.net.httpserver} was measured
 * to spend 85–220 µs of CPU per request on the client's cores, which a real server would spend on its own machine. This one
 * parses no more than it must (the header block and {@code Content-Length}; a chunked request body is refused by
 * closing the connection), keeps connections open, writes each
 * reply with a single write, and keeps pending replies in a queue ordered by due time (every delay is the same, so
 * arrival order is due order). It also measures the delay it actually gave, which the benchmark compares with the
 * nominal one.
 */
final class DelayedReplyServer implements AutoCloseable {

    /** The largest request it buffers; the benchmark's are a few hundred bytes. */
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final long MILLI = 1_000_000L;

    private final long delayNanos;
    private final byte[] reply;
    private final ServerSocketChannel listener;
    private final Selector selector;
    private final Thread thread;
    private final ArrayDeque<Pending> due = new ArrayDeque<>();
    private volatile boolean running = true;
    // written by the server thread only, read by others
    private volatile long replies;
    private volatile long delayNanosSum;
    private volatile long lateNanosMax;

    /** A reply waiting for its time: the connection and when it is due. */
    private record Pending(Connection connection, long dueNanos) {
    }

    /** One client connection: the bytes read and not yet consumed, and the reply bytes not yet written. */
    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer in = ByteBuffer.allocate(8192);
        ByteBuffer out = ByteBuffer.allocate(0);

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /**
     * Starts the server on an ephemeral loopback port.
     *
     * @param delayMillis how long every request waits before its reply
     * @param contentType the reply's {@code Content-Type}
     * @param body        the reply body
     * @throws IOException when the port cannot be bound
     */
    DelayedReplyServer(long delayMillis, String contentType, String body) throws IOException {
        this.delayNanos = delayMillis * MILLI;
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = String.format(Locale.ROOT,
                "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, bodyBytes.length)
                .getBytes(StandardCharsets.US_ASCII);
        this.reply = new byte[head.length + bodyBytes.length];
        System.arraycopy(head, 0, reply, 0, head.length);
        System.arraycopy(bodyBytes, 0, reply, head.length, bodyBytes.length);
        this.selector = Selector.open();
        this.listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::loop, "bench-server");
        thread.setDaemon(true);
        thread.start();
    }

    /** The base URL of the server, without a trailing slash. */
    String baseUrl() throws IOException {
        return "http://127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort();
    }

    /** The id of the server's only thread, so that its CPU time can be told apart from the client's. */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+; the baseline is 17
    long threadId() {
        return thread.getId();
    }

    /** The mean delay actually given so far, from a request's last byte to its reply's write, in milliseconds. */
    double meanDelayMillis() {
        long n = replies;
        return n == 0 ? Double.NaN : delayNanosSum / 1e6 / n;
    }

    /** The longest a reply has been written after its due time so far, in milliseconds. */
    double maxLateMillis() {
        return lateNanosMax / 1e6;
    }

    private void loop() {
        try {
            while (running) {
                answerDue();
                Pending first = due.peekFirst();
                if (first == null) {
                    selector.select();
                } else {
                    long wait = first.dueNanos() - System.nanoTime();
                    if (wait >= MILLI) {
                        selector.select(wait / MILLI); // wakes up to 1 ms early, never late
                    } else if (selector.selectNow() == 0 && wait > 0) {
                        LockSupport.parkNanos(wait); // the last fraction of a millisecond, which select cannot wait
                    }
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException e) {
            if (running) {
                throw new UncheckedIOException("benchmark server failed", e);
            }
        }
    }

    private void handle(SelectionKey key) throws IOException {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            SocketChannel channel = listener.accept();
            if (channel != null) {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                channel.register(selector, SelectionKey.OP_READ, new Connection(channel));
            }
            return;
        }
        Connection c = (Connection) key.attachment();
        try {
            if (key.isReadable()) {
                read(c, key);
            }
            if (key.isValid() && key.isWritable()) {
                flush(c, key);
            }
        } catch (IOException | RuntimeException e) {
            key.cancel();
            c.channel.close();
        }
    }

    private void read(Connection c, SelectionKey key) throws IOException {
        if (c.channel.read(c.in) < 0) {
            key.cancel();
            c.channel.close();
            return;
        }
        int consumed;
        while ((consumed = requestLength(c.in)) > 0) {
            c.in.flip().position(consumed);
            c.in.compact();
            due.addLast(new Pending(c, System.nanoTime() + delayNanos));
        }
        if (!c.in.hasRemaining()) {
            if (c.in.capacity() >= MAX_REQUEST_BYTES) {
                throw new IOException("request larger than " + MAX_REQUEST_BYTES + " bytes");
            }
            c.in = ByteBuffer.allocate(c.in.capacity() * 2).put(c.in.flip());
        }
    }

    /** The length of the first complete request in the buffer (headers and body), or 0 when it is incomplete. */
    private static int requestLength(ByteBuffer in) throws IOException {
        byte[] a = in.array();
        int end = in.position();
        for (int i = 3; i < end; i++) {
            if (a[i] == '\n' && a[i - 1] == '\r' && a[i - 2] == '\n' && a[i - 3] == '\r') {
                int length = i + 1 + contentLength(new String(a, 0, i + 1, StandardCharsets.ISO_8859_1));
                return length <= end ? length : 0;
            }
        }
        return 0;
    }

    private static int contentLength(String head) throws IOException {
        int length = 0;
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            String name = colon > 0 ? line.substring(0, colon).trim() : "";
            if (name.equalsIgnoreCase("transfer-encoding")) {
                throw new IOException("chunked request bodies are not supported: " + line);
            }
            if (name.equalsIgnoreCase("content-length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return length;
    }

    private void answerDue() throws IOException {
        long now;
        Pending p;
        while ((p = due.peekFirst()) != null && p.dueNanos() <= (now = System.nanoTime())) {
            due.pollFirst();
            Connection c = p.connection();
            if (!c.channel.isOpen()) {
                continue;
            }
            replies++;
            delayNanosSum += now - (p.dueNanos() - delayNanos);
            lateNanosMax = Math.max(lateNanosMax, now - p.dueNanos());
            ByteBuffer out = ByteBuffer.allocate(c.out.remaining() + reply.length).put(c.out).put(reply).flip();
            c.out = out;
            SelectionKey key = c.channel.keyFor(selector);
            try {
                flush(c, key);
            } catch (IOException e) {
                key.cancel();
                c.channel.close();
            }
        }
    }

    private static void flush(Connection c, SelectionKey key) throws IOException {
        c.channel.write(c.out);
        key.interestOps(c.out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
    }
}
