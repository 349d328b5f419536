package dev.raq.bedrock;

import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's class path does not mix Jackson versions (the AWS SDK shades its own jackson-core under
 * {@code software.amazon.awssdk.thirdparty}), and every public type is marked with its API status.
 */
class DependencyHygieneTest {

    private static final Pattern JACKSON_JAR = Pattern.compile(
            ".*[/\\\\]com[/\\\\]fasterxml[/\\\\]jackson[/\\\\].*[/\\\\](jackson-[a-z0-9-]+)-(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar");

    @Test
    void jackson_resolvedVersionsDoNotMix() {
        Map<String, String> versions = new TreeMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Matcher m = JACKSON_JAR.matcher(entry);
            if (m.matches()) {
                versions.put(m.group(1), m.group(2));
            }
        }
        String databind = com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString();
        assertThat(versions).containsKey("jackson-databind");
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString()).isEqualTo(databind);
        // jackson-annotations is versioned by major.minor only since 2.20; every other Jackson jar by the full version
        String minor = databind.replaceAll("^(\\d+\\.\\d+).*", "$1");
        versions.forEach((artifact, version) -> assertThat(version)
                .as(artifact + " among " + versions)
                .isIn(artifact.equals("jackson-annotations") ? List.of(minor, databind) : List.of(databind)));
    }

    @Test
    void noOtherJar_bundlesUnshadedJackson() throws Exception {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || JACKSON_JAR.matcher(entry).matches()) {
                continue;
            }
            try (ZipFile jar = new ZipFile(entry)) {
                assertThat(jar.getEntry("com/fasterxml/jackson/core/JsonFactory.class")).as(entry).isNull();
                assertThat(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class")).as(entry).isNull();
            }
        }
    }

    @Test
    void everyPublicTopLevelType_hasAnApiStatus() {
        for (Class<?> type : List.of(BedrockClient.class, SageMakerClient.class, SageMakerMapping.class)) {
            assertThat(type.getAnnotation(API.class)).as(type.getName()).isNotNull();
            assertThat(type.getAnnotation(API.class).status()).isEqualTo(API.Status.EXPERIMENTAL);
        }
        for (Class<?> type : List.of(AwsFailures.class, Credentials.class, Json.class, StreamCollector.class)) {
            assertThat(Modifier.isPublic(type.getModifiers())).as(type.getName() + " is package-private").isFalse();
        }
    }
}
