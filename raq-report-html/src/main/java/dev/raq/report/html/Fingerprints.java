package dev.raq.report.html;

import dev.raq.core.data.Sample;
import dev.raq.core.report.AnswerRecord;
import dev.raq.core.report.EvaluationReport;
import dev.raq.core.report.SampleResult;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** What tells two runs apart in the manifest: the dataset's hash and the model ids the servers reported. */
final class Fingerprints {

    private Fingerprints() {
    }

    /** SHA-256 (first 16 hex digits) over every sample's id, question, context and references, in order. */
    static String dataset(EvaluationReport report) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (SampleResult s : report.samples()) {
                Sample sample = s.sample();
                update(digest, sample.id());
                update(digest, sample.question());
                update(digest, sample.context() == null ? "" : sample.context());
                for (String ref : sample.references()) {
                    update(digest, ref);
                }
                digest.update((byte) 0x1e);
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
    }

    /** Candidate → the model ids its answers carried (most frequent first), for candidates whose server said. */
    static Map<String, String> reportedModels(EvaluationReport report) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (SampleResult s : report.samples()) {
            for (AnswerRecord a : s.answers()) {
                if (a.completion() != null) {
                    a.completion().modelId().ifPresent(id -> counts.computeIfAbsent(a.candidate(),
                            k -> new TreeMap<>()).merge(id, 1, Integer::sum));
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((candidate, ids) -> out.put(candidate, String.join(", ", ids.keySet())));
        return out;
    }
}
