package dev.raq.clients.replay;

import dev.raq.core.model.RaqException;
import org.apiguardian.api.API;

/**
 * A {@link ReplayingModelClient} was asked a request that its file does not hold. The message names the model, the
 * request (its key and last user message) and the file, so the missing recording can be made.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class UnrecordedRequestException extends RaqException {

    private static final long serialVersionUID = 1L;

    /** The key of the unrecorded request. */
    private final RequestKey key;

    UnrecordedRequestException(String message, RequestKey key) {
        super(message);
        this.key = key;
    }

    /** The key of the request that was not recorded. */
    public RequestKey key() {
        return key;
    }
}
