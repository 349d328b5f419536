package dev.raq.metrics;

import java.util.Map;

/**
 * The Porter stemmer exactly as NLTK's {@code PorterStemmer} computes it in its default {@code NLTK_EXTENSIONS}
 * mode (NLTK 3.8 to 3.10): Porter's five steps with NLTK's departures from the paper (irregular forms such as
 * "dying" → "die", "ies"/"ied" on four-letter words, the "alli", "fulli" and "logi" rules, "bli" → "ble", the
 * stricter y → i rule, the two-letter *o condition, and words of at most two letters left alone). As in NLTK, the
 * first rule of a step whose suffix matches decides the step, even when its condition then fails.
 *
 * <p>Works on lowercase ASCII words (what the ROUGE tokenizers feed it); stateless and thread-safe.
 */
final class PorterStemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("sky", "sky"), Map.entry("skies", "sky"),
            Map.entry("dying", "die"), Map.entry("lying", "lie"), Map.entry("tying", "tie"),
            Map.entry("news", "news"),
            Map.entry("innings", "inning"), Map.entry("inning", "inning"),
            Map.entry("outings", "outing"), Map.entry("outing", "outing"),
            Map.entry("cannings", "canning"), Map.entry("canning", "canning"),
            Map.entry("howe", "howe"), Map.entry("proceed", "proceed"), Map.entry("exceed", "exceed"),
            Map.entry("succeed", "succeed"));

    private static final String[][] STEP2 = {
            {"ational", "ate"}, {"tional", "tion"}, {"enci", "ence"}, {"anci", "ance"}, {"izer", "ize"},
            {"bli", "ble"}, {"alli", "al"}, {"entli", "ent"}, {"eli", "e"}, {"ousli", "ous"}, {"ization", "ize"},
            {"ation", "ate"}, {"ator", "ate"}, {"alism", "al"}, {"iveness", "ive"}, {"fulness", "ful"},
            {"ousness", "ous"}, {"aliti", "al"}, {"iviti", "ive"}, {"biliti", "ble"}, {"fulli", "ful"},
            {"logi", "log"}};

    private static final String[][] STEP3 = {
            {"icate", "ic"}, {"ative", ""}, {"alize", "al"}, {"iciti", "ic"}, {"ical", "ic"}, {"ful", ""},
            {"ness", ""}};

    private static final String[] STEP4 = {
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism",
            "ate", "iti", "ous", "ive", "ize"};

    private PorterStemmer() {
    }

    /** The stem of a lowercase word, as NLTK's {@code PorterStemmer().stem(word)} returns it. */
    static String stem(String word) {
        String irregular = IRREGULAR.get(word);
        if (irregular != null) {
            return irregular;
        }
        if (word.length() <= 2) {
            return word;
        }
        Word w = new Word(word);
        w.step1a();
        w.step1b();
        w.step1c();
        w.step2();
        w.step3();
        w.step4();
        w.step5a();
        w.step5b();
        return w.toString();
    }

    /** A word being stemmed: characters {@code b[0..k)}. */
    private static final class Word {
        private char[] b;
        private int k;

        Word(String word) {
            b = new char[word.length() + 4];
            word.getChars(0, word.length(), b, 0);
            k = word.length();
        }

        @Override
        public String toString() {
            return new String(b, 0, k);
        }

        private boolean isConsonant(int i) {
            switch (b[i]) {
                case 'a': case 'e': case 'i': case 'o': case 'u':
                    return false;
                case 'y':
                    // a y after a consonant is a vowel and vice versa; walk back over a run of y's without recursion
                    int first = i;
                    while (first > 0 && b[first - 1] == 'y') {
                        first--;
                    }
                    boolean firstIsConsonant = first == 0 || isVowelLetter(b[first - 1]);
                    return ((i - first) % 2 == 0) == firstIsConsonant;
                default:
                    return true;
            }
        }

        private static boolean isVowelLetter(char c) {
            return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
        }

        /** Porter's m: the number of vowel-consonant sequences in {@code b[0..len)}. */
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

        private boolean endsDoubleConsonant(int len) {
            return len >= 2 && b[len - 1] == b[len - 2] && isConsonant(len - 1);
        }

        /** Condition *o with NLTK's extension for two-letter stems (vowel then consonant). */
        private boolean endsCvc(int len) {
            if (len >= 3 && isConsonant(len - 3) && !isConsonant(len - 2) && isConsonant(len - 1)) {
                char last = b[len - 1];
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

        /** Cuts the word to {@code len} characters and appends {@code tail}. */
        private void setEnd(int len, String tail) {
            if (len + tail.length() > b.length) {
                b = java.util.Arrays.copyOf(b, len + tail.length() + 4);
            }
            tail.getChars(0, tail.length(), b, len);
            k = len + tail.length();
        }

        void step1a() {
            if (k == 4 && endsWith("ies")) {
                setEnd(1, "ie");
            } else if (endsWith("sses")) {
                setEnd(k - 2, "");
            } else if (endsWith("ies")) {
                setEnd(k - 2, "");
            } else if (endsWith("ss")) {
                return;
            } else if (endsWith("s")) {
                setEnd(k - 1, "");
            }
        }

        void step1b() {
            if (endsWith("ied")) {
                setEnd(k - 3, k == 4 ? "ie" : "i");
                return;
            }
            if (endsWith("eed")) {
                if (measure(k - 3) > 0) {
                    setEnd(k - 1, "");
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
                char last = b[k - 1];
                if (last != 'l' && last != 's' && last != 'z') {
                    k--;
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
            if (endsWith("alli") && measure(k - 4) > 0) {
                setEnd(k - 2, "");
                step2();
                return;
            }
            for (String[] rule : STEP2) {
                if (endsWith(rule[0])) {
                    int stem = k - rule[0].length();
                    boolean ok = rule[0].equals("logi") ? measure(k - 3) > 0 : measure(stem) > 0;
                    if (ok) {
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
                    boolean ok = measure(stem) > 1;
                    if (ok && suffix.equals("ion")) {
                        char last = b[stem - 1];
                        ok = last == 's' || last == 't';
                    }
                    if (ok) {
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
                k--;
            }
        }
    }
}
