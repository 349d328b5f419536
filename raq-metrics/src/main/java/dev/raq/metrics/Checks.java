package dev.raq.metrics;

import dev.raq.commons.Preconditions;
import java.util.List;

/** Argument checks shared by the metrics, with messages that name the argument and the index. */
final class Checks {

    private Checks() {
    }

    /**
     * Checks a list of reference texts: not null, not empty, no null element.
     *
     * @throws IllegalArgumentException naming {@code name} (and the index of a null element)
     */
    static void references(List<String> references, String name) {
        Preconditions.checkArgument(references != null, () -> name + " must not be null");
        Preconditions.checkArgument(!references.isEmpty(), () -> name + " is empty: at least one reference is needed");
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] is null");
            }
        }
    }

    /**
     * Checks that two parallel lists are present and equally long.
     *
     * @throws IllegalArgumentException naming both arguments and their sizes
     */
    static void sameSize(List<?> first, String firstName, List<?> second, String secondName) {
        Preconditions.checkArgument(first != null, () -> firstName + " must not be null");
        Preconditions.checkArgument(second != null, () -> secondName + " must not be null");
        if (first.size() != second.size()) {
            throw new IllegalArgumentException(firstName + " has " + first.size() + " entries but " + secondName
                    + " has " + second.size() + "; they must be parallel");
        }
    }
}
