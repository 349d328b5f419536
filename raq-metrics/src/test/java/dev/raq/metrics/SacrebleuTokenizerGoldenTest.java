package dev.raq.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.raq.stats.golden.GoldenFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class SacrebleuTokenizerGoldenTest {

    @TestFactory
    Stream<DynamicNode> sacrebleuTokenizers() {
        return GoldenFiles.tests(GoldenFiles.moduleGoldenDir(),
                Map.of("sacrebleu_tokenizers", SacrebleuTokenizerGoldenTest::check));
    }

    private static void check(JsonNode c) {
        BleuTokenizer tokenizer = BleuTokenizer.of(c.at("/params/tokenizer").asText());
        String text = c.at("/input/text").asText();
        assertThat(tokenizer.tokenize(text)).isEqualTo(c.at("/expected/tokenized").asText());
    }
}
