package dev.raq.core.internal;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The markers that frame untrusted text in a prompt (an answer, a passage): 16 hex digits drawn from a seeded random
 * source until they occur in none of the framed texts, so a text can neither close its frame nor pass for the prompt.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Markers {

    private Markers() {
    }

    /** A marker of 16 hex digits drawn from {@code random} that occurs in none of {@code texts}. */
    public static String absentFrom(SplittableRandom random, List<String> texts) {
        while (true) {
            String marker = String.format(Locale.ROOT, "%016x", random.nextLong());
            if (texts.stream().noneMatch(t -> t.contains(marker))) {
                return marker;
            }
        }
    }
}
