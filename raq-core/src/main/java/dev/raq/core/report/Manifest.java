package dev.raq.core.report;

import dev.raq.core.data.Sample;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What a run was, in enough detail to rerun it or to tell two runs apart: the RAQ version and JVM, the seed and alpha,
 * the dataset's fingerprint and size, each candidate's client fingerprint and the model ids its server reported, the
 * prompt template's hash, each judge's fingerprint, the significance procedure, when the run started and ended, and
 * how many answers were asked for and how many reused from the result store. Fingerprints never hold a key.
 *
 * @param raqVersion         the RAQ version that wrote the report
 * @param java               the JVM's version and vendor
 * @param seed               the run's seed
 * @param alpha              the significance level
 * @param observationUnit    what one observation was
 * @param significance       the test with its adjustment, or why none ran
 * @param datasetFingerprint SHA-256 (16 hex digits) over every sample's id, question, context and references
 * @param samples            the number of samples
 * @param candidates         per candidate, its client's fingerprint (empty when unknown)
 * @param reportedModels     per candidate, the model ids its answers carried (servers report them; sorted)
 * @param promptHash         SHA-256 (16 hex digits) of the shared prompt template, or null for a prompt function
 * @param judges             per judge, its fingerprint (empty when unknown)
 * @param startedAt          when the run started, or null for a report rebuilt from stored results
 * @param finishedAt         when the run's report was built, or null for a report rebuilt from stored results
 * @param answers            answers in the report
 * @param reusedAnswers      of those, answers taken from the result store instead of a call
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record Manifest(String raqVersion, String java, long seed, double alpha, String observationUnit,
                       String significance, String datasetFingerprint, int samples, Map<String, String> candidates,
                       Map<String, List<String>> reportedModels, @Nullable String promptHash,
                       Map<String, String> judges, @Nullable Instant startedAt, @Nullable Instant finishedAt, long answers,
                       long reusedAnswers) {

    /** The RAQ version of this build, from the jar. */
    public static final String RAQ_VERSION = readVersion();

    /** Copies the maps. */
    public Manifest {
        candidates = Map.copyOf(candidates);
        reportedModels = Map.copyOf(reportedModels);
        judges = Map.copyOf(judges);
    }

    /** The manifest as labelled lines for a reader, in order (the Markdown and HTML reports show these). */
    public Map<String, String> describe() {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("RAQ", raqVersion + " on Java " + java);
        rows.put("Dataset", samples + " samples, fingerprint " + datasetFingerprint);
        rows.put("Seed, alpha", seed + ", " + alpha);
        rows.put("Significance", significance + ", observation unit " + observationUnit);
        rows.put("Prompt template", promptHash == null ? "a prompt function" : "hash " + promptHash);
        new java.util.TreeMap<>(candidates).forEach((c, fingerprint) -> {
            List<String> models = reportedModels.getOrDefault(c, List.of());
            rows.put("Candidate " + c, "client " + (fingerprint.isEmpty() ? "(no fingerprint)" : fingerprint)
                    + (models.isEmpty() ? "" : "; reported model " + String.join(", ", models)));
        });
        new java.util.TreeMap<>(judges).forEach((j, fingerprint) -> rows.put("Judge " + j, fingerprint));
        rows.put("Run", (startedAt == null ? "" : "started " + startedAt + ", ")
                + (finishedAt == null ? "" : "report built " + finishedAt + "; ") + answers + " answers, "
                + reusedAnswers + " reused from the result store");
        return rows;
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = Manifest.class.getResourceAsStream("/dev/raq/core/raq-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** SHA-256 of a text, first 16 hex digits. */
    static String hash(String text) {
        return hex16(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A digest to which {@link #update(MessageDigest, Sample)} adds samples one at a time, in dataset order. */
    static MessageDigest datasetDigest() {
        return digest();
    }

    /** Adds one sample to a dataset fingerprint. */
    static void update(MessageDigest digest, Sample sample) {
        update(digest, sample.id());
        update(digest, sample.question());
        update(digest, sample.context() == null ? "" : sample.context());
        for (String ref : sample.references()) {
            update(digest, ref);
        }
        digest.update((byte) 0x1e);
    }

    /** The first 16 hex digits of a digest, as every fingerprint of the manifest shows it. */
    static String hex16(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0x1f);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

}
