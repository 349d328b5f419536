package dev.raq.metrics;

import org.apiguardian.api.API;

import java.util.Arrays;
import java.util.Map;

/**
 * The Porter stemmer as NLTK 3.8's {@code PorterStemmer()} computes it in its default {@code NLTK_EXTENSIONS} mode:
 * Porter's steps with NLTK's departures from the paper (a table of irregular forms, words of at most two letters left
 * alone, "ies"/"ied" on four-letter words, the stricter y → i rule, "bli" → "ble", the "alli", "fulli" and "logi"
 * rules, and the two-letter *o condition). As in NLTK, the first rule of a step whose suffix matches decides the step,
 * even when its condition then fails.
 *
 * <p>It works on code points, as Python does: a length is a number of code points, and every character other than
 * a, e, i, o, u (and y after a vowel) is a consonant. ROUGE feeds it lowercase ASCII words; METEOR (raq-meteor) feeds
 * it whole whitespace-separated tokens (punctuation, digits, any script). Stateless and thread-safe.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class PorterStemmer {

    /** NLTK's pool of irregular forms: word → stem. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"),
            Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"), Map.entry("succeed", "succeed"));

    /** Step 2: suffix and replacement, condition m > 0 (the last rule, "logi", looks at the stem + "l"). */
    private static final String[][] STEP2 = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
            {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"},
            {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
            {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"fulli", "ful"},
            {"logi", "log"}};

    /** Step 3: suffix and replacement, condition m > 0. */
    private static final String[][] STEP3 = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
            {"ness", ""}};

    /** Step 4: suffixes removed when m > 1 ("ion" also needs an s or t before it). */
    private static final String[] STEP4 = {
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize"};

    private PorterStemmer() {
    }

    /**
     * The stem of a lowercase word, as NLTK's {@code PorterStemmer().stem(word)} returns it.
     *
     * @param word a lowercase token (any characters)
     * @return its stem; the word itself when it has at most two code points
     */
    public static String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.codePointCount(0, word.length()) <= 2) {
            return word;
        }
        Stem s = new Stem(word.codePoints().toArray());
        s.step1a();
        s.step1b();
        s.step1c();
        s.step2();
        s.step3();
        s.step4();
        s.step5a();
        s.step5b();
        return s.toString();
    }

    /** A word being stemmed: code points {@code b[0..k)}. */
    private static final class Stem {
        private int[] b;
        private int k;

        Stem(int[] codePoints) {
            b = Arrays.copyOf(codePoints, codePoints.length + 2);
            k = codePoints.length;
        }

        @Override
        public String toString() {
            return new String(b, 0, k);
        }

        private static boolean isVowel(int c) {
            return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        }

        /** Porter's consonant: not a vowel, and a y only when it follows a vowel or starts the word. */
        private boolean isConsonant(int i) {
            int c = b[i];
            if (isVowel(c)) {
                return false;
            }
            if (c != 'y') {
                return true;
            }
            // a y is a consonant after a vowel (or at the start) and a vowel after a consonant; walk back over a run
            // of y's, which alternate, to the letter before it
            int first = i;
            while (first > 0 && b[first - 1] == 'y') {
                first--;
            }
            boolean firstIsConsonant = first == 0 || isVowel(b[first - 1]);
            return ((i - first) % 2 == 0) == firstIsConsonant;
        }

        /** Porter's m of {@code b[0..len)}: the number of vowel-consonant transitions. */
        private int measure(int len) {
            int m = 0;
            boolean previousVowel = false;
            for (int i = 0; i < len; i++) {
                boolean consonant = isConsonant(i);
                if (consonant && previousVowel) {
                    m++;
                }
                previousVowel = !consonant;
            }
            return m;
        }

        private boolean containsVowel(int len) {
            for (int i = 0; i < len; i++) {
                if (!isConsonant(i)) {
                    return true;
                }
            }
            return false;
        }

        /** Condition *d on {@code b[0..len)}. */
        private boolean endsDoubleConsonant(int len) {
            return len >= 2 && b[len - 1] == b[len - 2] && isConsonant(len - 1);
        }

        /** Condition *o on {@code b[0..len)}, with NLTK's two-letter vowel-consonant case. */
        private boolean endsCvc(int len) {
            if (len >= 3 && isConsonant(len - 3) && !isConsonant(len - 2) && isConsonant(len - 1)) {
                int last = b[len - 1];
                if (last != 'w' && last != 'x' && last != 'y') {
                    return true;
                }
            }
            return len == 2 && !isConsonant(0) && isConsonant(1);
        }

        private boolean endsWith(String suffix) {
            int n = suffix.length();
            if (n > k) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (b[k - n + i] != suffix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Keeps {@code b[0..len)} and appends {@code tail} (ASCII). */
        private void setEnd(int len, String tail) {
            if (len + tail.length() > b.length) {
                b = Arrays.copyOf(b, len + tail.length() + 2);
            }
            for (int i = 0; i < tail.length(); i++) {
                b[len + i] = tail.charAt(i);
            }
            k = len + tail.length();
        }

        void step1a() {
            if (k == 4 && endsWith("ies")) {
                setEnd(1, "ie");
            } else if (endsWith("sses") || endsWith("ies")) {
                k -= 2;
            } else if (!endsWith("ss") && endsWith("s")) {
                k -= 1;
            }
        }

        void step1b() {
            if (endsWith("ied")) {
                setEnd(k - 3, k == 4 ? "ie" : "i");
                return;
            }
            if (endsWith("eed")) {
                if (measure(k - 3) > 0) {
                    k -= 1;
                }
                return;
            }
            int stem;
            if (endsWith("ed") && containsVowel(k - 2)) {
                stem = k - 2;
            } else if (endsWith("ing") && containsVowel(k - 3)) {
                stem = k - 3;
            } else {
                return;
            }
            k = stem;
            if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                setEnd(k, "e");
            } else if (endsDoubleConsonant(k)) {
                int last = b[k - 1];
                if (last != 'l' && last != 's' && last != 'z') {
                    k -= 1;
                }
            } else if (measure(k) == 1 && endsCvc(k)) {
                setEnd(k, "e");
            }
        }

        void step1c() {
            if (endsWith("y") && k - 1 > 1 && isConsonant(k - 2)) {
                b[k - 1] = 'i';
            }
        }

        void step2() {
            while (endsWith("alli") && measure(k - 4) > 0) {
                k -= 2;
            }
            for (String[] rule : STEP2) {
                if (endsWith(rule[0])) {
                    int stem = k - rule[0].length();
                    boolean applies = rule[0].equals("logi") ? measure(stem + 1) > 0 : measure(stem) > 0;
                    if (applies) {
                        setEnd(stem, rule[1]);
                    }
                    return;
                }
            }
        }

        void step3() {
            for (String[] rule : STEP3) {
                if (endsWith(rule[0])) {
                    int stem = k - rule[0].length();
                    if (measure(stem) > 0) {
                        setEnd(stem, rule[1]);
                    }
                    return;
                }
            }
        }

        void step4() {
            for (String suffix : STEP4) {
                if (endsWith(suffix)) {
                    int stem = k - suffix.length();
                    boolean applies = measure(stem) > 1;
                    if (applies && suffix.equals("ion")) {
                        applies = b[stem - 1] == 's' || b[stem - 1] == 't';
                    }
                    if (applies) {
                        k = stem;
                    }
                    return;
                }
            }
        }

        void step5a() {
            if (endsWith("e")) {
                int stem = k - 1;
                int m = measure(stem);
                if (m > 1 || (m == 1 && !endsCvc(stem))) {
                    k = stem;
                }
            }
        }

        void step5b() {
            if (endsWith("ll") && measure(k - 1) > 1) {
                k -= 1;
            }
        }
    }
}
