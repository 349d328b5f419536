package dev.raq.meteor;

import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** NLTK's {@code wordnet.synsets} and {@code _morphy} over extJWNL (expected values computed with NLTK 3.8). */
class WordNetTest {

    private static final int NOUN = 0;
    private static final int VERB = 1;
    private static final int ADJECTIVE = 2;

    private final WordNet wordNet = WordNet.get();

    @Test
    void synonyms_areTheSingleWordLowercaseLemmaNames() {
        assertThat(wordNet.synonyms("fast")).containsExactlyInAnyOrder("debauched", "degenerate", "degraded",
                "dissipated", "dissolute", "fast", "fasting", "firm", "flying", "immobile", "libertine", "loyal",
                "profligate", "quick", "riotous", "tight", "truehearted");
        // "hot_dog" and "Canis_familiaris" are dropped, as NLTK's METEOR drops lemmas with an underscore
        assertThat(wordNet.synonyms("dog")).contains("hound", "frank", "hotdog", "dog-iron", "chase", "trail")
                .doesNotContain("hot dog", "hot_dog", "Canis familiaris", "domestic dog");
    }

    @Test
    void synonyms_ofWordsOutsideWordNet_areEmpty() {
        assertThat(wordNet.synonyms("larg")).isEmpty();
        assertThat(wordNet.synonyms("63%")).isEmpty();
        assertThat(wordNet.synonyms("café")).isEmpty();
        // extJWNL trims its query; NLTK would look the control character up and find nothing
        assertThat(wordNet.synonyms("\u0001dog")).isEmpty();
    }

    @Test
    void morphy_appliesTheDetachmentRules_ofEachPartOfSpeech() throws Exception {
        assertThat(wordNet.morphy("churches", NOUN)).containsExactly("church");
        assertThat(wordNet.morphy("leaves", NOUN)).containsExactly("leaf", "leave");
        assertThat(wordNet.morphy("running", VERB)).containsExactly("run");
        assertThat(wordNet.morphy("fastest", ADJECTIVE)).containsExactly("fast");
    }

    @Test
    void morphy_usesTheExceptionLists_whereTheLastLineOfAWordWins() throws Exception {
        assertThat(wordNet.morphy("geese", NOUN)).containsExactly("goose");
        // noun.exc lists "aurar eyir" then "aurar eyrir"; adj.exc lists "offer off" then "offer offer"
        assertThat(wordNet.morphy("aurar", NOUN)).containsExactly("eyrir");
        assertThat(wordNet.morphy("offer", ADJECTIVE)).isEmpty();
    }

    @Test
    void extJwnlLookup_findsEveryLemmaOfTheIndexFiles() throws Exception {
        // the WordNet stage relies on extJWNL's binary search over the index files; NLTK reads them into a map
        Dictionary dictionary = Dictionary.getResourceInstance(WordNet.CONFIGURATION);
        assertThat(dictionary.getVersion().getNumber()).as("WordNet version").isEqualTo(3.0);
        String[] files = {"noun", "verb", "adj", "adv"};
        POS[] parts = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};
        for (int p = 0; p < files.length; p++) {
            List<String> missing = new ArrayList<>();
            int lemmas = 0;
            String resource = "/net/sf/extjwnl/data/wordnet/wn30/index." + files[p];
            try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith(" ")) {
                        continue; // licence header
                    }
                    lemmas++;
                    String lemma = line.substring(0, line.indexOf(' '));
                    if (dictionary.getIndexWord(parts[p], lemma) == null) {
                        missing.add(lemma);
                    }
                }
            }
            assertThat(lemmas).as(files[p] + " lemmas").isGreaterThan(4000);
            assertThat(missing).as("index.%s lemmas extJWNL does not find", files[p]).isEmpty();
        }
    }
}
