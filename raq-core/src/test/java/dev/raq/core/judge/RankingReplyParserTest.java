package dev.raq.core.judge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RankingReplyParserTest {

    private static final Set<Integer> SHOWN = Set.of(1, 2, 3);
    private static final List<List<Integer>> TWO_ONE_THREE = List.of(List.of(2), List.of(1), List.of(3));

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"ranking\": [2, 1, 3]}",
            "  {\"ranking\":[2,1,3]}\n",
            "```json\n{\"ranking\": [2, 1, 3]}\n```",
            "```\n{\"ranking\": [2, 1, 3]}\n```\nAnswer 2 matches the reference best.",
            "After comparing with the reference, my ranking is {\"ranking\": [2, 1, 3]}. Answer 3 is wrong.",
            "{\"ranking\": [\"2\", \"1\", \"3\"]}",
            "{\"ranking\": [\"ID 2\", \"ID 1\", \"ID 3\"]}",
            "{'ranking': [2, 1, 3]}",
            "{\"Ranking\": [2.0, 1, 3]}",
            "{\"ranking\": \"ID 2 > ID 1 > ID 3\"}",
            "{\"reason\": \"answer 1 has {braces}\", \"ranking\": [2, 1, 3]}",
            "[2, 1, 3]",
            "The order is [2, 1, 3].",
            "2, 1, 3",
            "2,1,3",
            "ID 2 > ID 1 > ID 3",
            "Ranking: ID 2 > ID 1 > ID 3",
            "id2 > id1 > id3",
            "Answer 2 >> Answer 1 >> Answer 3",
            "#2 > #1 > #3",
            "2 > 1 > 3\n"
    })
    void parse_everyAcceptedForm_givesTheRanking(String reply) throws Exception {
        assertThat(RankingReplyParser.parse(reply, SHOWN)).isEqualTo(TWO_ONE_THREE);
    }

    @Test
    void parse_nestedJsonArray_isATie() throws Exception {
        assertThat(RankingReplyParser.parse("{\"ranking\": [[2, 1], 3]}", SHOWN))
                .isEqualTo(List.of(List.of(2, 1), List.of(3)));
        assertThat(RankingReplyParser.parse("[3, [1, 2]]", SHOWN)).isEqualTo(List.of(List.of(3), List.of(1, 2)));
    }

    @Test
    void parse_equalsSignInText_isATie() throws Exception {
        assertThat(RankingReplyParser.parse("2 = 1 > 3", SHOWN)).isEqualTo(List.of(List.of(2, 1), List.of(3)));
        assertThat(RankingReplyParser.parse("ID 3 > ID 1 == ID 2", SHOWN))
                .isEqualTo(List.of(List.of(3), List.of(1, 2)));
    }

    @Test
    void parse_proseWithOneValidAndOnePartialRanking_usesTheValidOne() throws Exception {
        assertThat(RankingReplyParser.parse("Ids 1, 2 were close. Final: 2 > 1 > 3", SHOWN)).isEqualTo(TWO_ONE_THREE);
    }

    @Test
    void parse_decimalsInProse_areNotIds() throws Exception {
        assertThat(RankingReplyParser.parse("Answer 1 says 3.14, 2.71 is wrong. Ranking: 2, 1, 3", SHOWN))
                .isEqualTo(TWO_ONE_THREE);
    }

    @Test
    void parse_missingId_saysWhichIsMissing() {
        assertThatThrownBy(() -> RankingReplyParser.parse("{\"ranking\": [2, 1]}", SHOWN))
                .isInstanceOf(RankingReplyParser.InvalidReply.class)
                .hasMessage("the ranking [2, 1] is not a permutation of the ids shown [1, 2, 3]: id 3 is missing");
    }

    @Test
    void parse_duplicateId_saysWhichRepeats() {
        assertThatThrownBy(() -> RankingReplyParser.parse("{\"ranking\": [2, 2, 1, 3]}", SHOWN))
                .hasMessage("the ranking [2, 2, 1, 3] is not a permutation of the ids shown [1, 2, 3]: id 2 appears "
                        + "more than once");
    }

    @Test
    void parse_extraId_saysItWasNotShown() {
        assertThatThrownBy(() -> RankingReplyParser.parse("ID 2 > ID 4 > ID 1 > ID 3", SHOWN))
                .hasMessage("the ranking [2, 4, 1, 3] is not a permutation of the ids shown [1, 2, 3]: id 4 was not "
                        + "shown");
        assertThatThrownBy(() -> RankingReplyParser.parse("[2, 5, 3]", SHOWN))
                .hasMessageEndingWith("id 5 was not shown; id 1 is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "I cannot decide.", "Answer two is the best, then one, then three.", "3",
            "1 < 2 < 3", "{\"verdict\": \"A\"}"})
    void parse_noRanking_isRejected(String reply) {
        assertThatThrownBy(() -> RankingReplyParser.parse(reply, SHOWN))
                .isInstanceOf(RankingReplyParser.InvalidReply.class).hasMessage("the reply contains no ranking");
    }

    @Test
    void parse_rankingValueNotAnArray_isRejected() {
        assertThatThrownBy(() -> RankingReplyParser.parse("{\"ranking\": {\"first\": 2}}", SHOWN))
                .hasMessage("the value of \"ranking\" must be an array of ids (integers) but was {\"first\":2}");
    }

    @Test
    void parse_twoDifferentValidRankings_isRejectedAsAmbiguous() {
        assertThatThrownBy(() -> RankingReplyParser.parse("Either 2 > 1 > 3 or 1 > 2 > 3.", SHOWN))
                .hasMessage("the reply contains 2 different rankings [[2, 1, 3], [1, 2, 3]] and it is not clear "
                        + "which one is meant");
    }

    @Test
    void parse_rankingNestedInsideAnotherObject_isFound() throws Exception {
        assertThat(RankingReplyParser.parse("{\"result\": {\"reason\": \"x\", \"ranking\": [2, 1, 3]}}", SHOWN))
                .isEqualTo(TWO_ONE_THREE);
    }

    @Test
    void parse_severalArraysInProse_eachIsRead() throws Exception {
        assertThat(RankingReplyParser.parse("Shown: [1, 2] first, then [3]. My order: [2, 1, 3]", SHOWN))
                .isEqualTo(TWO_ONE_THREE);
        assertThat(RankingReplyParser.parse("{\"a\": 1} and later {\"ranking\": [2, 1, 3]}", SHOWN))
                .isEqualTo(TWO_ONE_THREE);
    }

    @Test
    void parse_longDegenerateReply_isBoundedAndStillReadsTheRanking() throws Exception {
        String reply = "{\"a\":".repeat(5000) + " unterminated ... final answer: [2, 1, 3]";

        assertThat(RankingReplyParser.parse(reply, SHOWN)).isEqualTo(TWO_ONE_THREE);
    }
}
