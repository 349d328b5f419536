package dev.raq.examples.cli;

import org.jspecify.annotations.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of one subcommand, parsed from {@code --name value}, {@code --name=value} and bare {@code --flag}
 * arguments. Every problem is a {@link UsageException} whose message the user can act on.
 */
final class CliOptions {

    private final String command;
    private final Map<String, String> values;

    private CliOptions(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /**
     * Parses {@code args[from..]}.
     *
     * @param valued the options that take a value
     * @param flags  the options that take none
     */
    static CliOptions parse(String command, String[] args, int from, Set<String> valued, Set<String> flags) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = from; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException(command + ": unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": option --" + name + " takes no value");
                }
                value = "true";
            } else if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(command + ": option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else {
                throw new UsageException(command + ": unknown option --" + name);
            }
            if (values.put(name, value) != null) {
                throw new UsageException(command + ": option --" + name + " given twice");
            }
        }
        return new CliOptions(command, values);
    }

    /** The option's value, or null when it was not given. */
    @Nullable String get(String name) {
        return values.get(name);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new UsageException(command + ": missing --" + name);
        }
        return v;
    }

    String string(String name, String defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.isBlank()) {
            throw new UsageException(command + ": --" + name + " must not be blank");
        }
        return v;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int defaultValue, int min) {
        long n = longValue(name, defaultValue);
        if (n < min || n > Integer.MAX_VALUE) {
            throw new UsageException(command + ": --" + name + " must be in [" + min + ", " + Integer.MAX_VALUE
                    + "] but was " + n);
        }
        return (int) n;
    }

    long longValue(String name, long defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be an integer but was '" + v + "'");
        }
    }

    double number(String name, double defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " must be a number but was '" + v + "'");
        }
        if (!Double.isFinite(d)) {
            throw new UsageException(command + ": --" + name + " must be finite but was '" + v + "'");
        }
        return d;
    }

    double confidence() {
        double c = number("confidence", 0.95);
        if (!(c > 0 && c < 1)) {
            throw new UsageException(command + ": --confidence must be in (0, 1) but was " + c);
        }
        return c;
    }

    /** The value of an option whose values are the lower-case names of {@code type}'s constants, '-' for '_'. */
    <E extends Enum<E>> E choice(String name, Class<E> type, E defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        StringBuilder valid = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String label = label(e);
            if (label.equals(v.strip().toLowerCase(java.util.Locale.ROOT))) {
                return e;
            }
            valid.append(valid.length() == 0 ? "" : ", ").append(label);
        }
        throw new UsageException(command + ": --" + name + " must be one of " + valid + " but was '" + v + "'");
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
