package dev.raq.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an evaluation file (YAML, or JSON when it ends in {@code .json}) into a {@link RunConfig}. Every problem
 * becomes a {@link ConfigException} naming file, line and key: a syntax error, an unknown key (with the keys that
 * are known), a value of the wrong type, a value the configuration rejects. {@link #lineOf} finds the line of a key
 * for the checks that need the whole file (a gate naming a candidate that does not exist).
 */
final class ConfigReader {

    private final Path file;
    private final ObjectMapper mapper;

    ConfigReader(Path file) {
        this.file = file;
        this.mapper = (isJson(file) ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    private static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** The file's configuration. */
    RunConfig read() {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": no such file");
        }
        try {
            RunConfig config = mapper.readValue(file.toFile(), RunConfig.class);
            if (config == null) {
                throw new ConfigException(file + ": the file is empty");
            }
            return config;
        } catch (UnrecognizedPropertyException e) {
            List<String> known = new ArrayList<>();
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            known.sort(null);
            throw new ConfigException(where(e) + "unknown key '" + e.getPropertyName() + "'; the keys here are "
                    + known, e);
        } catch (JsonMappingException e) {
            throw new ConfigException(where(e) + reason(e), e);
        } catch (JsonProcessingException e) {
            // the YAML parser's own mark (where it gave up) is more precise than the token's location
            java.util.regex.Matcher mark = java.util.regex.Pattern.compile("line (\\d+), column")
                    .matcher(e.getOriginalMessage());
            String line = line(e.getLocation());
            while (mark.find()) {
                line = " line " + mark.group(1);
            }
            throw new ConfigException(file + line + ": not valid " + (isJson(file) ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private String where(JsonMappingException e) {
        String key = key(e);
        int line = key.isEmpty() ? 0 : lineOf(key);
        return file + (line > 0 ? " line " + line : line(e.getLocation())) + (key.isEmpty() ? "" : ", " + key) + ": ";
    }

    /** The message of the innermost cause: what the configuration said about the value. */
    private static String reason(JsonMappingException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String found = e instanceof InvalidFormatException invalid ? "'" + invalid.getValue() + "'"
                    : "something else";
            if (e.getOriginalMessage().contains("START_ARRAY")) {
                found = "a list";
            } else if (e.getOriginalMessage().contains("START_OBJECT")) {
                found = "keys and values";
            }
            return "expected " + expected(mismatch.getTargetType()) + " but found " + found;
        }
        return e.getOriginalMessage().replaceAll("\\s*\\(class dev\\.raq\\.cli\\.[^)]*\\)", "")
                .replaceAll("`dev\\.raq\\.cli\\.RunConfig\\$?", "`");
    }

    /** What a Java type is called in a configuration file. */
    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "text";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "keys and values";
    }

    /** The key path of a mapping problem, such as {@code candidates[1].openai.model}. */
    private static String key(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String line(@Nullable JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " line " + location.getLineNr();
    }

    /**
     * The message for a problem at {@code key} (a path such as {@code gates[0].better.candidate}), with the key's
     * line when it can be found.
     */
    String problem(String key, String message) {
        int line = lineOf(key);
        return file + (line > 0 ? " line " + line : "") + ", " + key + ": " + message;
    }

    /** The line of {@code key} in the file, or 0 when it is not there. */
    int lineOf(String key) {
        String pointer = "/" + key.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        try (JsonParser parser = mapper.getFactory().createParser(file.toFile())) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
                    String at = parser.getParsingContext().pathAsPointer().toString();
                    if (at.equals(pointer)) {
                        return parser.currentTokenLocation().getLineNr();
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
