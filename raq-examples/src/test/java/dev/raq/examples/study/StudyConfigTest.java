package dev.raq.examples.study;

import dev.raq.clients.StructuredReplyMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudyConfigTest {

    private static final Map<String, String> KEYS = Map.of("NGC_API_KEY", "nvapi-secret-1",
            "OPENAI_API_KEY", "sk-secret-2");

    private static Function<String, String> env(Map<String, String> variables) {
        return variables::get;
    }

    @Test
    void parse_noArgsWithBothKeys_studyDefaults() {
        StudyConfig c = StudyConfig.parse(new String[0], env(KEYS));

        assertThat(c.candidatesUrl()).isNull();
        assertThat(c.candidateModels()).containsExactly("meta/llama3-8b-instruct",
                "mistralai/mistral-7b-instruct-v0.3", "meta/llama3-70b-instruct",
                "mistralai/mixtral-8x22b-instruct-v0.1");
        assertThat(c.candidatesKey()).isEqualTo("nvapi-secret-1");
        assertThat(c.judgeUrl()).isNull();
        assertThat(c.judgeModel()).isEqualTo("gpt-4o");
        assertThat(c.judgeKey()).isEqualTo("sk-secret-2");
        assertThat(c.judgeReply()).isEqualTo(StructuredReplyMode.TOOL_CALL);
        assertThat(c.samples()).isEqualTo(50);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.out()).isEqualTo(Path.of("raq-study-report"));
        assertThat(c.concurrency()).isEqualTo(8);
    }

    @Test
    void parse_nvidiaApiKeyOnly_usedForNim() {
        StudyConfig c = StudyConfig.parse(new String[0],
                env(Map.of("NVIDIA_API_KEY", "nvapi-3", "OPENAI_API_KEY", "sk-4")));

        assertThat(c.candidatesKey()).isEqualTo("nvapi-3");
    }

    @Test
    void parse_everyOptionBothSyntaxes_taken() {
        StudyConfig c = StudyConfig.parse(new String[] {"--candidates-url", "http://localhost:8000/v1/",
                "--candidate-models=a, b,c", "--judge-url", "http://localhost:9000/v1", "--judge-model=j",
                "--samples", "7", "--seed=-3", "--out", "target/x", "--concurrency", "2"}, env(Map.of()));

        assertThat(c.candidatesUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(c.candidateModels()).containsExactly("a", "b", "c");
        assertThat(c.judgeUrl()).isEqualTo("http://localhost:9000/v1");
        assertThat(c.judgeModel()).isEqualTo("j");
        assertThat(c.samples()).isEqualTo(7);
        assertThat(c.seed()).isEqualTo(-3);
        assertThat(c.out()).isEqualTo(Path.of("target/x"));
        assertThat(c.concurrency()).isEqualTo(2);
    }

    @Test
    void parse_localUrlsWithoutAnyKey_runsWithoutKeys() {
        StudyConfig c = StudyConfig.parse(new String[] {"--candidates-url", "http://127.0.0.1:8000/v1",
                "--judge-url", "http://127.0.0.1:11434/v1", "--judge-model", "qwen2.5:72b"}, env(Map.of()));

        assertThat(c.candidatesKey()).isNull();
        assertThat(c.judgeKey()).isNull();
    }

    @Test
    void parse_localUrls_sendOnlyTheirOwnKeysNeverTheProviderKeys() {
        StudyConfig c = StudyConfig.parse(new String[] {"--candidates-url", "http://127.0.0.1:8000/v1",
                "--judge-url", "http://127.0.0.1:9000/v1"}, env(Map.of("NGC_API_KEY", "nvapi-1",
                "OPENAI_API_KEY", "sk-2", "JUDGE_API_KEY", "judge-3")));

        assertThat(c.candidatesKey()).isNull();
        assertThat(c.judgeKey()).isEqualTo("judge-3");
    }

    @Test
    void parse_environmentOptions_usedUnlessAnArgumentOverrides() {
        StudyConfig c = StudyConfig.parse(new String[] {"--samples", "9"}, env(Map.of("RAQ_SAMPLES", "3",
                "RAQ_SEED", "5", "RAQ_JUDGE_MODEL", "gpt-4o-mini", "NGC_API_KEY", "k", "OPENAI_API_KEY", "k2")));

        assertThat(c.samples()).isEqualTo(9);
        assertThat(c.seed()).isEqualTo(5);
        assertThat(c.judgeModel()).isEqualTo("gpt-4o-mini");
    }

    @ParameterizedTest
    @CsvSource({"tool-call, TOOL_CALL", "JSON_SCHEMA, JSON_SCHEMA", "json-schema, JSON_SCHEMA", "Prompt, PROMPT"})
    void parse_judgeReply_modeTaken(String value, StructuredReplyMode mode) {
        StudyConfig c = StudyConfig.parse(new String[] {"--judge-reply", value}, env(KEYS));

        assertThat(c.judgeReply()).isEqualTo(mode);
    }

    @Test
    void parse_unknownJudgeReply_rejectedNamingTheChoices() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--judge-reply", "xml"}, env(KEYS)))
                .hasMessageContaining("--judge-reply must be tool-call, json-schema or prompt but was 'xml'");
    }

    @Test
    void parse_noNgcKey_saysWhichVariableToSetAndHow() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[0], env(Map.of("OPENAI_API_KEY", "sk"))))
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("NGC_API_KEY").hasMessageContaining("NVIDIA_API_KEY")
                .hasMessageContaining("export NGC_API_KEY=").hasMessageContaining("--candidates-url")
                .hasMessageNotContaining("OPENAI_API_KEY");
    }

    @Test
    void parse_noOpenAiKey_saysWhichVariableToSetAndHow() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[0], env(Map.of("NGC_API_KEY", "nv"))))
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("export OPENAI_API_KEY=").hasMessageContaining("--judge-url")
                .hasMessageNotContaining("NGC_API_KEY");
    }

    @Test
    void parse_noKeysAtAll_namesBothVariables() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[0], env(Map.of("NGC_API_KEY", " "))))
                .hasMessageContaining("export NGC_API_KEY=").hasMessageContaining("export OPENAI_API_KEY=");
    }

    @Test
    void parse_badValues_everyProblemNamed() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--candidates-url", "ftp://x", "--samples", "1",
                "--seed", "x", "--concurrency", "0", "--bogus", "1", "--judge-url", "http://h/v1", "--out"},
                env(KEYS)))
                .isInstanceOf(StudyConfigException.class)
                .hasMessageContaining("--candidates-url must be an http(s) URL")
                .hasMessageContaining("--samples must be in [2, 300] but was 1")
                .hasMessageContaining("--seed must be a whole number but was 'x'")
                .hasMessageContaining("--concurrency must be in [1, 1024] but was 0")
                .hasMessageContaining("unknown option '--bogus' (args[8])")
                .hasMessageContaining("option --out needs a value");
    }

    @Test
    void parse_judgeAmongCandidates_rejected() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--candidate-models", "gpt-4o,gpt-4o-mini"},
                env(KEYS))).hasMessageContaining("the judge model 'gpt-4o' is also a candidate");
    }

    @Test
    void parse_oneOrRepeatedOrEmptyModels_rejected() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--candidate-models", "a"}, env(KEYS)))
                .hasMessageContaining("at least two models");
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--candidate-models", "a,b,a"}, env(KEYS)))
                .hasMessageContaining("names a model twice");
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--candidate-models", "a,,b"}, env(KEYS)))
                .hasMessageContaining("--candidate-models[1] is empty");
    }

    @Test
    void parse_urlWithCredentials_rejectedWithoutEchoingThem() {
        assertThatThrownBy(() -> StudyConfig.parse(new String[] {"--judge-url", "http://user:pw@h/v1"}, env(KEYS)))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("pw");
    }

    @Test
    void toString_keysSet_masked() {
        StudyConfig c = StudyConfig.parse(new String[0], env(KEYS));

        assertThat(c.toString()).contains("candidatesKey=****", "judgeKey=****", "gpt-4o")
                .doesNotContain("nvapi-secret-1", "sk-secret-2");
    }
}
