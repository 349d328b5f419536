package dev.raq.examples.cli;

/** A command line the CLI cannot run: unknown subcommand or option, a missing or malformed value. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
