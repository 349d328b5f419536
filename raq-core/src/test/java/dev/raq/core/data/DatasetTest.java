package dev.raq.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetTest {

    @TempDir
    Path dir;

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void fromJsonl_defaultMapping_readsEveryField() throws IOException {
        Path file = write("data.jsonl",
                "{\"id\": \"q1\", \"question\": \"What is pi?\", \"context\": \"Pi is 3.14.\", \"answers\": [\"3.14\", "
                        + "\"about 3.14\"], \"title\": \"Math\", \"difficulty\": 2, \"tags\": [\"x\"]}",
                "",
                "{\"id\": 7, \"question\": \"Who?\", \"references\": \"Ada\"}",
                "{\"id\": \"q3\", \"question\": \"Why?\", \"context\": null}");

        Dataset data = Dataset.fromJsonl(file);

        assertThat(data.size()).isEqualTo(3);
        Sample first = data.get(0);
        assertThat(first.id()).isEqualTo("q1");
        assertThat(first.context()).isEqualTo("Pi is 3.14.");
        assertThat(first.references()).containsExactly("3.14", "about 3.14");
        assertThat(first.metadata()).isEqualTo(Map.of("title", "Math", "difficulty", "2"));
        assertThat(data.get(1).id()).isEqualTo("7");
        assertThat(data.get(1).references()).containsExactly("Ada");
        assertThat(data.get(1).context()).isNull();
        assertThat(data.get(2).references()).isEmpty();
        assertThat(data.get(2).context()).isNull();
    }

    @Test
    void fromJsonl_squadSampleShippedWithTheProject_readsEveryLine() throws Exception {
        Path file = Path.of(getClass().getResource("/data/squad-dev-sample.jsonl").toURI());
        long lines;
        try (Stream<String> all = Files.lines(file)) {
            lines = all.filter(l -> !l.isBlank()).count();
        }

        Dataset data = Dataset.fromJsonl(file);

        assertThat(data.size()).isEqualTo((int) lines);
        assertThat(data.get(0).id()).isEqualTo("5730069004bcaa1900d7702e");
        assertThat(data.get(0).references()).contains("Meuse estuary");
        assertThat(data.get(0).metadata()).containsEntry("title", "Rhine");
    }

    @Test
    void fromJsonl_customMapping_readsOtherFieldNames() throws IOException {
        Path file = write("custom.jsonl", "{\"qid\": \"a\", \"prompt\": \"Q?\", \"passage\": \"P\", \"gold\": \"G\"}");
        FieldMapping mapping = FieldMapping.defaults().withId("qid").withQuestion("prompt").withContext("passage")
                .withReferences("gold");

        Sample s = Dataset.fromJsonl(file, mapping).get(0);

        assertThat(s).isEqualTo(new Sample("a", "Q?", "P", List.of("G"), Map.of()));
    }

    @Test
    void fromJsonl_mappingWithoutContext_ignoresContextField() throws IOException {
        Path file = write("noctx.jsonl", "{\"id\": \"a\", \"question\": \"Q?\", \"context\": \"C\"}");

        Sample s = Dataset.fromJsonl(file, FieldMapping.defaults().withContext(null)).get(0);

        assertThat(s.context()).isNull();
        assertThat(s.metadata()).containsEntry("context", "C");
    }

    @Test
    void fromJsonl_malformedJson_namesFileAndLine() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"Q\"}", "{\"id\": \"b\", \"question\": ");

        assertThatThrownBy(() -> Dataset.fromJsonl(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(file + " line 2: malformed JSON: ")
                .satisfies(e -> assertThat(((DatasetFormatException) e).line()).isEqualTo(2));
    }

    @Test
    void fromJsonl_trailingGarbageAfterObject_isMalformed() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"Q\"} {\"id\": \"b\"}");

        assertThatThrownBy(() -> Dataset.fromJsonl(file)).hasMessageContaining("line 1: malformed JSON");
    }

    @Test
    void fromJsonl_missingQuestion_namesLineAndField() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"Q\"}", "",
                "{\"id\": \"b\", \"query\": \"Q\"}");

        assertThatThrownBy(() -> Dataset.fromJsonl(file))
                .hasMessage(file + " line 3: missing field 'question'");
    }

    @Test
    void fromJsonl_missingId_namesField() throws IOException {
        Path file = write("data.jsonl", "{\"question\": \"Q\"}");

        assertThatThrownBy(() -> Dataset.fromJsonl(file)).hasMessage(file + " line 1: missing field 'id'");
    }

    @Test
    void fromJsonl_wrongTypes_nameFieldAndType() throws IOException {
        Path question = write("q.jsonl", "{\"id\": \"a\", \"question\": 42}");
        Path refs = write("r.jsonl", "{\"id\": \"a\", \"question\": \"Q\", \"answers\": [\"x\", 3]}");
        Path refsObject = write("o.jsonl", "{\"id\": \"a\", \"question\": \"Q\", \"answers\": {\"text\": \"x\"}}");
        Path notObject = write("n.jsonl", "[1, 2]");
        Path context = write("c.jsonl", "{\"id\": \"a\", \"question\": \"Q\", \"context\": [\"x\"]}");

        assertThatThrownBy(() -> Dataset.fromJsonl(question))
                .hasMessage(question + " line 1: field 'question' must be a string but was a number (42)");
        assertThatThrownBy(() -> Dataset.fromJsonl(refs))
                .hasMessage(refs + " line 1: field 'answers[1]' must be a string but was a number (3)");
        assertThatThrownBy(() -> Dataset.fromJsonl(refsObject))
                .hasMessage(refsObject + " line 1: field 'answers' must be a string or an array of strings but was "
                        + "an object");
        assertThatThrownBy(() -> Dataset.fromJsonl(notObject))
                .hasMessage(notObject + " line 1: expected a JSON object but was an array");
        assertThatThrownBy(() -> Dataset.fromJsonl(context))
                .hasMessage(context + " line 1: field 'context' must be a string but was an array");
    }

    @Test
    void fromJsonl_duplicateIds_nameBothLines() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"Q\"}", "{\"id\": \"b\", \"question\": \"Q\"}",
                "{\"id\": \"a\", \"question\": \"Q2\"}");

        assertThatThrownBy(() -> Dataset.fromJsonl(file))
                .hasMessage(file + " line 3: duplicate sample id 'a' (first used on line 1)");
    }

    @Test
    void fromJsonl_missingFile_throwsUncheckedIo() {
        assertThatThrownBy(() -> Dataset.fromJsonl(dir.resolve("nope.jsonl")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("nope.jsonl");
    }

    @Test
    void streamJsonl_readsLazily_problemsSurfaceWhenReached() throws IOException {
        Path file = write("data.jsonl", "{\"id\": \"a\", \"question\": \"Q\"}", "not json");

        try (Stream<Sample> stream = Dataset.streamJsonl(file, FieldMapping.defaults())) {
            Iterator<Sample> it = stream.iterator();
            assertThat(it.next().id()).isEqualTo("a");
            assertThatThrownBy(it::hasNext).hasMessageContaining("line 2: malformed JSON");
        }
    }

    @Test
    void fromSquadJson_officialLayout_readsEveryQuestion() throws IOException {
        Path file = write("squad.json", "{\"version\": \"1.1\", \"data\": [{\"title\": \"Rhine\", \"paragraphs\": ["
                + "{\"context\": \"C1\", \"qas\": [{\"id\": \"q1\", \"question\": \"Q1?\", \"answers\": ["
                + "{\"answer_start\": 0, \"text\": \"A\"}, {\"answer_start\": 0, \"text\": \"A\"}]},"
                + "{\"id\": \"q2\", \"question\": \"Q2?\", \"answers\": [{\"answer_start\": 3, \"text\": \"B\"}]}]}]},"
                + "{\"title\": \"Other\", \"paragraphs\": [{\"context\": \"C2\", \"qas\": [{\"id\": \"q3\", "
                + "\"question\": \"Q3?\", \"answers\": []}]}]}]}");

        Dataset data = Dataset.fromSquadJson(file);

        assertThat(data.samples()).containsExactly(
                new Sample("q1", "Q1?", "C1", List.of("A", "A"), Map.of("title", "Rhine")),
                new Sample("q2", "Q2?", "C1", List.of("B"), Map.of("title", "Rhine")),
                new Sample("q3", "Q3?", "C2", List.of(), Map.of("title", "Other")));
    }

    @Test
    void fromSquadJson_problems_nameJsonPath() throws IOException {
        Path missing = write("m.json", "{\"data\": [{\"title\": \"T\", \"paragraphs\": [{\"context\": \"C\", "
                + "\"qas\": [{\"id\": \"q1\", \"answers\": []}]}]}]}");
        Path duplicate = write("d.json", "{\"data\": [{\"title\": \"T\", \"paragraphs\": [{\"context\": \"C\", "
                + "\"qas\": [{\"id\": \"q1\", \"question\": \"Q\"}, {\"id\": \"q1\", \"question\": \"Q\"}]}]}]}");
        Path malformed = write("x.json", "{\"data\": [", "}");
        Path noData = write("n.json", "{\"version\": \"1.1\"}");

        assertThatThrownBy(() -> Dataset.fromSquadJson(missing))
                .hasMessage(missing + ": missing field 'data[0].paragraphs[0].qas[0].question'");
        assertThatThrownBy(() -> Dataset.fromSquadJson(duplicate))
                .hasMessage(duplicate + ": duplicate sample id 'q1' at data[0].paragraphs[0].qas[1] (first used at "
                        + "data[0].paragraphs[0].qas[0])");
        assertThatThrownBy(() -> Dataset.fromSquadJson(malformed))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(malformed + " line 2: malformed JSON");
        assertThatThrownBy(() -> Dataset.fromSquadJson(noData)).hasMessage(noData + ": missing field 'data'");
    }

    @Test
    void of_duplicateIds_namesBothIndices() {
        assertThatThrownBy(() -> Dataset.of(List.of(Sample.of("a", "Q"), Sample.of("b", "Q"), Sample.of("a", "Q"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("samples[2] has id 'a' already used by samples[0]");
    }

    @Test
    void shuffled_sameSeed_sameOrder_differentSeed_differentOrder() {
        Dataset data = Dataset.of(Stream.iterate(0, i -> i + 1).limit(50).map(i -> Sample.of("s" + i, "Q")).toList());

        Dataset a = data.shuffled(42);
        Dataset b = data.shuffled(42);
        Dataset c = data.shuffled(43);

        assertThat(a).isEqualTo(b);
        assertThat(a.samples()).containsExactlyInAnyOrderElementsOf(data.samples());
        assertThat(a.samples()).isNotEqualTo(data.samples());
        assertThat(c.samples()).isNotEqualTo(a.samples());
    }

    @Test
    void limit_keepsFirstSamples_andRejectsNegative() {
        Dataset data = Dataset.of(List.of(Sample.of("a", "Q"), Sample.of("b", "Q"), Sample.of("c", "Q")));

        assertThat(data.limit(2).stream().map(Sample::id)).containsExactly("a", "b");
        assertThat(data.limit(10)).isEqualTo(data);
        assertThat(data.limit(0).isEmpty()).isTrue();
        assertThatThrownBy(() -> data.limit(-1)).hasMessage("maxSamples must be >= 0 but was -1");
        assertThat(data).extracting(Sample::id).containsExactly("a", "b", "c");
    }

    @Test
    void fieldMapping_sameFieldTwice_isRejected() {
        assertThatThrownBy(() -> FieldMapping.defaults().withReferences("question"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("question and references must name different fields but both are 'question'");
        assertThatThrownBy(() -> FieldMapping.defaults().withId(" ")).hasMessage("id field name must not be blank");
    }

    @Test
    void fromJsonl_byteOrderMarkOnFirstLine_isIgnored() throws IOException {
        Path file = write("bom.jsonl", "\uFEFF{\"id\": \"a\", \"question\": \"Q\"}");

        assertThat(Dataset.fromJsonl(file).get(0).id()).isEqualTo("a");
    }
}
