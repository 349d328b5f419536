package dev.raq.commons;

import org.apiguardian.api.API;

import java.util.function.Supplier;

/**
 * The argument checks of every RAQ module, in one place (the shape of JUnit's {@code Preconditions}): each states the
 * condition that must hold and throws an {@link IllegalArgumentException} with the caller's message when it does not.
 * A message that is built from values is passed as a {@link Supplier}, so a check that holds builds no string.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Preconditions {

    private Preconditions() {
    }

    /**
     * Checks an argument.
     *
     * @param condition what must hold
     * @param message   the exception's message when it does not
     * @throws IllegalArgumentException with {@code message} when {@code condition} is false
     */
    public static void checkArgument(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Checks an argument, building the message only when the check fails.
     *
     * @param condition what must hold
     * @param message   builds the exception's message when it does not
     * @throws IllegalArgumentException with the built message when {@code condition} is false
     */
    public static void checkArgument(boolean condition, Supplier<String> message) {
        if (!condition) {
            throw new IllegalArgumentException(message.get());
        }
    }
}
