package dev.raq.springai;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring AI 1.1 asks for an older Jackson than RAQ: the Jackson BOM must align every
 * Jackson jar on the test class path to one version, the version the parent and raq-bom pin.
 */
class JacksonAlignmentTest {

    private static final List<String> ARTIFACTS = List.of("com.fasterxml.jackson.core/jackson-core",
            "com.fasterxml.jackson.core/jackson-databind", "com.fasterxml.jackson.core/jackson-annotations",
            "com.fasterxml.jackson.datatype/jackson-datatype-jsr310",
            "com.fasterxml.jackson.datatype/jackson-datatype-jdk8");

    @Test
    void classPath_holdsOneJarOfEachJacksonArtifact_allOfOneVersion() throws IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String artifact : ARTIFACTS) {
            List<URL> found = Collections.list(getClass().getClassLoader()
                    .getResources("META-INF/maven/" + artifact + "/pom.properties"));
            assertThat(found).as("copies of " + artifact).hasSizeLessThanOrEqualTo(1);
            for (URL url : found) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                versions.put(artifact, p.getProperty("version"));
            }
        }
        String core = versions.get("com.fasterxml.jackson.core/jackson-core");
        assertThat(core).isNotNull();
        versions.forEach((artifact, version) -> {
            // jackson-annotations is versioned major.minor only since 2.20 ("2.22" beside core 2.22.4)
            String expected = artifact.endsWith("jackson-annotations") && version.chars().filter(c -> c == '.').count() == 1
                    ? core.substring(0, core.lastIndexOf('.')) : core;
            assertThat(version).as(artifact + " beside jackson-core " + core).isEqualTo(expected);
        });
        // the versions the loaded classes report (Version.equals also compares the artifact ids)
        assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
                .isEqualTo(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(core);
    }

    @Test
    void parentAndBom_pinTheJacksonVersionOnTheClassPath() throws IOException {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        String parent = jacksonVersion(module.resolve("../pom.xml"));
        String bom = jacksonVersion(module.resolve("../raq-bom/pom.xml"));

        assertThat(bom).as("raq-bom's jackson.version").isEqualTo(parent);
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(parent);
        assertThat(Files.readString(module.resolve("../raq-bom/pom.xml"))).contains("<artifactId>jackson-bom</artifactId>");
    }

    private static String jacksonVersion(Path pom) throws IOException {
        Matcher m = Pattern.compile("<jackson\\.version>([^<]+)</jackson\\.version>").matcher(Files.readString(pom));
        List<String> all = new ArrayList<>();
        while (m.find()) {
            all.add(m.group(1).trim());
        }
        assertThat(all).as("jackson.version in " + pom).hasSize(1);
        return all.get(0);
    }
}
