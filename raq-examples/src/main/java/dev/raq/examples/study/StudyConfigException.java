package dev.raq.examples.study;

/**
 * A command line or environment the study cannot run with; the message tells the user what to set or pass.
 */
final class StudyConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StudyConfigException(String message) {
        super(message);
    }
}
