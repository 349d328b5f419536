package dev.raq.cli;

import org.apiguardian.api.API;

/**
 * An evaluation file {@code raq run} cannot use; the message names the file, the line when known, the key and the
 * problem, such as {@code eval.yaml line 12, candidates[1].openai.keyEnv: environment variable X is not set}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message the whole message, with file, line and key */
    public ConfigException(String message) {
        super(message);
    }

    /** @param message the whole message; @param cause what was found wrong underneath */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
