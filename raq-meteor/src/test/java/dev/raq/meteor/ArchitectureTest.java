package dev.raq.meteor;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module's layout as a test: public types state their API status, raq-meteor uses only raq-metrics' scorer
 * interface and raq-commons' checks of RAQ, and extJWNL stays behind the package-private {@code WordNet}.
 */
class ArchitectureTest {

    private static final JavaClasses METEOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.raq.meteor");

    @Test
    void everyPublicTopLevelType_statesItsApiStatus() {
        classes().that().arePublic().and().areTopLevelClasses().should().beAnnotatedWith(API.class).check(METEOR);
    }

    @Test
    void meteor_dependsOnlyOnMetricsAndCommons_ofRaq() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.core..", "dev.raq.stats..", "dev.raq.clients..")
                .check(METEOR);
    }

    @Test
    void extJwnl_staysBehindWordNet() {
        noClasses().that().doNotHaveSimpleName("WordNet").should().dependOnClassesThat()
                .resideInAPackage("net.sf.extjwnl..").check(METEOR);
    }
}
