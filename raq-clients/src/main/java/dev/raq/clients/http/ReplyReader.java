package dev.raq.clients.http;

import org.apiguardian.api.API;
import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.core.model.Completion;

/**
 * What a provider contributes to a call: how to read a whole JSON reply, and how to follow a streamed one. The
 * transport around it measures time, maps failures and fills in estimated usage.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ReplyReader {

    /**
     * Reads a whole reply.
     *
     * @throws MalformedReplyException when the reply lacks what the provider always sends
     */
    Completion.Builder read(JsonNode reply);

    /** A fresh state for one streamed reply. */
    StreamState newStream();

    /** The state of one streamed reply, fed event by event from one thread at a time. */
    interface StreamState {

        /**
         * Feeds one server-sent event.
         *
         * @param event the event name, or the empty string when the server named none
         * @param data  the event's data
         * @return true when this event carried answer text (used for the time to first token)
         * @throws MalformedReplyException when the data cannot be read
         * @throws StreamErrorException when the server reported an error in the stream
         */
        boolean onEvent(String event, String data);

        /** True once the stream's end marker has been seen. */
        boolean finished();

        /** What the end marker is called, for the message when it never came. */
        String endMarker();

        /** The answer accumulated so far. */
        Completion.Builder result();
    }

    /** A reply that does not have the shape the provider documents. */
    final class MalformedReplyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A reply without what the provider always sends, described. */
        public MalformedReplyException(String message) {
            super(message);
        }
    }

    /** An error the server reported inside a stream, with the HTTP status it corresponds to. */
    final class StreamErrorException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        /** The HTTP status the stream error corresponds to. */
        private final int status;

        /** An error event with the HTTP status it corresponds to and the server's text. */
        public StreamErrorException(int status, String body) {
            super(body);
            this.status = status;
        }

        /** The HTTP status the stream error corresponds to. */
        public int status() {
            return status;
        }
    }
}
