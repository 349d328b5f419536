package dev.raq.core.synthetic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.raq.core.data.Dataset;
import dev.raq.core.data.Sample;
import org.apiguardian.api.API;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link SyntheticDataset} generation produced: the samples kept (shuffled with the seed, each with its
 * provenance in its metadata), every pair or reply left out with its reason, and how many generator requests were
 * made and how many replies were reused from the store.
 *
 * @param samples  the samples kept
 * @param rejected what was left out, and why
 * @param requests model requests made (generator and verifier)
 * @param reused   replies reused from the store instead of requested
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public record SyntheticResult(List<Sample> samples, List<Rejection> rejected, int requests, int reused) {

    /** Copies the lists. */
    public SyntheticResult {
        samples = List.copyOf(samples);
        rejected = List.copyOf(rejected);
    }

    /**
     * The samples as a dataset an evaluation can run on.
     *
     * @throws IllegalArgumentException if no sample was kept
     */
    public Dataset dataset() {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no generated sample passed the checks; see rejected(): " + reasons());
        }
        return Dataset.of(samples);
    }

    /** How many pairs were left out for each reason (the reason's text up to its first parenthesis or colon). */
    public Map<String, Integer> reasons() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Rejection r : rejected) {
            String reason = r.reason().split("[(:]", 2)[0].strip();
            out.merge(reason, 1, Integer::sum);
        }
        return out;
    }

    /**
     * Writes the samples as JSON Lines that {@code Dataset.fromJsonl} reads back: {@code id}, {@code question},
     * {@code context} (when there is one), {@code answers}, and the provenance fields.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void writeJsonl(Path file) {
        ObjectMapper json = new ObjectMapper();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Sample s : samples) {
                    ObjectNode n = json.createObjectNode();
                    n.put("id", s.id());
                    n.put("question", s.question());
                    if (s.context() != null) {
                        n.put("context", s.context());
                    }
                    s.references().forEach(n.putArray("answers")::add);
                    s.metadata().forEach(n::put);
                    out.write(json.writeValueAsString(n));
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** A one-line summary: kept, left out by reason, requests. */
    @Override
    public String toString() {
        return samples.size() + " samples generated, " + rejected.size() + " left out " + reasons() + "; "
                + requests + " requests, " + reused + " replies reused";
    }
}
