package dev.raq.clients.http;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.function.LongSupplier;

/**
 * Splits the lines of a {@code text/event-stream} body into events (per the WHATWG server-sent events rules:
 * {@code event:} and {@code data:} fields, comments starting with {@code :}, a blank line ends an event) and feeds
 * them to a {@link ReplyReader.StreamState}, noting when every event that carried answer text arrived. A failure
 * while reading an event is kept and reported when the body ends, so the body is always drained.
 */
final class SseSubscriber implements Flow.Subscriber<String> {

    private final ReplyReader.StreamState state;
    private final LongSupplier ticker;
    private final StringBuilder data = new StringBuilder();
    private String event = "";
    private boolean hasData;
    private long firstTextNanos = -1;
    private long[] textNanos = new long[16];
    private int textEvents;
    private @Nullable RuntimeException failure;

    SseSubscriber(ReplyReader.StreamState state, LongSupplier ticker) {
        this.state = state;
        this.ticker = ticker;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        if (line.isEmpty()) {
            dispatch();
        } else if (!line.startsWith(":")) {
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        // the body future completes exceptionally; nothing to keep
    }

    @Override
    public void onComplete() {
        dispatch();
    }

    /** The first failure seen while reading events, or null. */
    @Nullable RuntimeException failure() {
        return failure;
    }

    /** When the first answer text arrived (ticker value), or -1 when none did. */
    long firstTextNanos() {
        return firstTextNanos;
    }

    /**
     * When each event that carried answer text arrived, in {@link System#nanoTime()} values (not the ticker's, which
     * is read once for the first text only, so a test's stepping ticker sees the same reads as before), in order.
     */
    long[] textNanos() {
        return Arrays.copyOf(textNanos, textEvents);
    }

    private void dispatch() {
        if (hasData && failure == null) {
            try {
                if (state.onEvent(event, data.toString())) {
                    if (firstTextNanos < 0) {
                        firstTextNanos = ticker.getAsLong();
                    }
                    if (textEvents == textNanos.length) {
                        textNanos = Arrays.copyOf(textNanos, textEvents * 2);
                    }
                    textNanos[textEvents++] = System.nanoTime();
                }
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        data.setLength(0);
        hasData = false;
        event = "";
    }
}
