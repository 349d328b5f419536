package dev.raq.stats.golden;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Discovers golden files at run time and turns every case into a dynamic test.
 *
 * <p>A module keeps its golden files in {@code src/test/resources/golden/}. Each file belongs to the stem in
 * {@link #KNOWN_STEMS} that is the longest prefix of its name ({@code dunn.json}, {@code dunn_more.json} →
 * {@code dunn}; {@code nemenyi_friedman.json} → {@code nemenyi_friedman}), so dropping in another file of a known
 * schema adds its cases without code changes. Each area's golden test class claims its stems with
 * {@link #tests(Path, Map)}; a coverage test fails on any file that no stem claims.
 */
public final class GoldenFiles {

    /** Checks one golden case; throws an {@link AssertionError} when the implementation disagrees. */
    @FunctionalInterface
    public interface CaseChecker {
        /**
         * @param testCase the whole case object ({@code name}, {@code input}, {@code params}, {@code expected})
         */
        void check(JsonNode testCase) throws Exception;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private GoldenFiles() {
    }

    /** The golden folder of the module under test (Surefire runs tests in the module's base directory). */
    public static Path moduleGoldenDir() {
        return Path.of("src", "test", "resources", "golden");
    }

    /**
     * The stems of every golden schema RAQ checks, in raq-stats and raq-core. A file whose name does not start with
     * one of these fails {@code GoldenCoverageTest}; a new schema adds its stem here and a checker class.
     */
    public static final List<String> KNOWN_STEMS = List.of(
            // raq-stats
            "rankdata", "kruskal", "dunn", "nemenyi", "nemenyi_friedman", "conover_friedman", "friedman",
            "mannwhitney", "p_adjust", "wilcoxon", "posthoc_wilcoxon", "binomtest", "proportion_ci", "spearman",
            "kendall", "bradley_terry", "elo", "cluster_se", "paired_difference", "mcnemar", "pass_at_k", "power",
            // raq-core
            "bleu", "chrf", "ter", "sacrebleu_tokenizers", "rouge", "squad_em_f1");

    /**
     * One container per golden file in {@code dir} whose stem is one of {@code checkersByStem}'s keys, one test per
     * case. A stem of the map with no file in {@code dir} yields a failing test, so a checker never passes vacuously.
     */
    public static Stream<DynamicNode> tests(Path dir, Map<String, CaseChecker> checkersByStem) {
        List<DynamicNode> nodes = new ArrayList<>();
        List<Path> files = jsonFiles(dir);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            Optional<String> stem = stemOf(fileName, KNOWN_STEMS);
            if (stem.isEmpty() || !checkersByStem.containsKey(stem.get())) {
                continue;
            }
            seen.add(stem.get());
            CaseChecker checker = checkersByStem.get(stem.get());
            JsonNode root = read(file);
            List<DynamicTest> caseTests = new ArrayList<>();
            for (JsonNode testCase : root.path("cases")) {
                String name = testCase.path("name").asText("?");
                caseTests.add(DynamicTest.dynamicTest(name, () -> {
                    try {
                        checker.check(testCase);
                    } catch (AssertionError e) {
                        throw new AssertionError(fileName + " case '" + name + "': " + e.getMessage(), e);
                    }
                }));
            }
            if (caseTests.isEmpty()) {
                caseTests.add(DynamicTest.dynamicTest("cases present", () -> {
                    throw new AssertionError(fileName + " has no cases");
                }));
            }
            nodes.add(DynamicContainer.dynamicContainer(fileName + " (" + caseTests.size() + " cases)", caseTests));
        }
        for (String stem : checkersByStem.keySet()) {
            if (!seen.contains(stem)) {
                nodes.add(DynamicTest.dynamicTest(stem + " golden file present", () -> {
                    throw new AssertionError("no golden file for stem '" + stem + "' in " + dir.toAbsolutePath());
                }));
            }
        }
        return nodes.stream();
    }

    /** The golden files of {@code dir} that no known stem claims (so that no checker would check them). */
    public static List<String> unclaimedFiles(Path dir) {
        return jsonFiles(dir).stream()
                .map(p -> p.getFileName().toString())
                .filter(name -> stemOf(name, KNOWN_STEMS).isEmpty())
                .toList();
    }

    /** The number of cases in every golden file of {@code dir}, by file name. */
    public static Map<String, Integer> caseCounts(Path dir) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Path file : jsonFiles(dir)) {
            counts.put(file.getFileName().toString(), read(file).path("cases").size());
        }
        return counts;
    }

    static Optional<String> stemOf(String fileName, java.util.Collection<String> stems) {
        if (!fileName.endsWith(".json")) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - ".json".length());
        return stems.stream()
                .filter(s -> base.equals(s) || base.startsWith(s + "_") || base.startsWith(s + "-"))
                .max(Comparator.comparingInt(String::length));
    }

    private static List<Path> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }
}
