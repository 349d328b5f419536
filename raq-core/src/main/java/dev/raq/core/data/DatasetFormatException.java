package dev.raq.core.data;

import dev.raq.core.model.RaqException;
import org.apiguardian.api.API;

/**
 * A dataset file that cannot be read as samples: malformed JSON, a missing or mistyped field, or a duplicate sample
 * id. The message names the file, the line (for JSON Lines) or the JSON path (for SQuAD files), and the field.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DatasetFormatException extends RaqException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;

    /**
     * @param file    the file as the caller named it
     * @param line    the 1-based line, or 0 when the problem is not tied to a line
     * @param problem what is wrong, without the file and line (they are prefixed here)
     */
    DatasetFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** The file, as the caller named it. */
    public String file() {
        return file;
    }

    /** The 1-based line of the problem, or 0 when it is not tied to one line (whole-file JSON such as SQuAD). */
    public int line() {
        return line;
    }
}
