package dev.raq.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDatasetTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    @Test
    void rows_becomeSamples_withQuotingArraysAndMetadata() throws IOException {
        Path file = csv("""
                \uFEFFid,question,context,answers,topic
                q1,"What is 2+2, exactly?",,4,maths
                q2,"Two
                lines?",Some context,"[""yes"", ""indeed""]",misc
                """);
        Dataset d = Dataset.fromCsv(file, FieldMapping.defaults());
        assertThat(d.size()).isEqualTo(2);
        Sample first = d.get(0);
        assertThat(first.question()).isEqualTo("What is 2+2, exactly?");
        assertThat(first.context()).isNull();
        assertThat(first.references()).containsExactly("4");
        assertThat(first.metadata()).containsEntry("topic", "maths");
        Sample second = d.get(1);
        assertThat(second.question()).isEqualTo("Two\nlines?");
        assertThat(second.context()).isEqualTo("Some context");
        assertThat(second.references()).containsExactly("yes", "indeed");
    }

    @Test
    void customFields_areUsed() throws IOException {
        Path file = csv("key,prompt,gold\n7,Why?,Because\n");
        Dataset d = Dataset.fromCsv(file, new FieldMapping("key", "prompt", null, "gold"));
        assertThat(d.get(0).id()).isEqualTo("7");
        assertThat(d.get(0).references()).containsExactly("Because");
    }

    @Test
    void problems_nameFileAndLine() throws IOException {
        Path duplicate = csv("id,question\na,Q1\nb,Q2\na,Q3\n");
        assertThatThrownBy(() -> Dataset.fromCsv(duplicate, FieldMapping.defaults()))
                .isInstanceOf(DatasetFormatException.class).hasMessageContaining("data.csv")
                .hasMessageContaining("line 4").hasMessageContaining("duplicate sample id 'a' (first used on line 2)");
        Path missing = csv("id,other\na,x\n");
        assertThatThrownBy(() -> Dataset.fromCsv(missing, FieldMapping.defaults()))
                .hasMessageContaining("line 2").hasMessageContaining("missing field 'question'");
        Path badArray = csv("id,question,answers\na,Q,[not json\n");
        assertThatThrownBy(() -> Dataset.fromCsv(badArray, FieldMapping.defaults()))
                .hasMessageContaining("column 'answers' starts like a JSON array");
    }
}
