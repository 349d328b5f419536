package dev.raq.metrics;

import org.apiguardian.api.API;

/**
 * A chrF or chrF++ score, the fields of sacreBLEU's {@code CHRFScore}.
 *
 * @param score     the score on the 0-100 scale
 * @param charOrder the character n-gram order
 * @param wordOrder the word n-gram order (0 for chrF, 2 for chrF++)
 * @param beta      the weight of recall relative to precision
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ChrfScore(double score, int charOrder, int wordOrder, int beta) {

    /** The metric's name as sacreBLEU prints it: {@code chrF2}, {@code chrF2++} ... */
    public String name() {
        return "chrF" + beta + "+".repeat(wordOrder);
    }
}
