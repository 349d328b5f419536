package dev.raq.commons;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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

    /**
     * Checks that an argument (or a value looked up from one) is present. Unlike Guava's {@code checkNotNull} it
     * throws {@link IllegalArgumentException}: the caller gave a value that names nothing, not a null reference.
     *
     * @param value   the value, possibly null
     * @param message builds the exception's message when it is null
     * @return the value, known not to be null
     * @throws IllegalArgumentException with the built message when {@code value} is null
     */
    public static <T> T checkPresent(@Nullable T value, Supplier<String> message) {
        if (value == null) {
            throw new IllegalArgumentException(message.get());
        }
        return value;
    }
}
