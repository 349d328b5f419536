package dev.raq.core.model;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception RAQ throws for a failure outside the caller's code: a model or judge call that failed,
 * judge output that could not be understood, or a run that was aborted. Unchecked, like the rest of the API.
 * Programming errors (bad arguments, illegal state) use the JDK's exceptions instead.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class RaqException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message a user can act on. */
    public RaqException(String message) {
        super(message);
    }

    /** Creates an exception with a message a user can act on and its cause. */
    public RaqException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
