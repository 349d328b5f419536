package dev.raq.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout as a test: modules only point down (raq-stats and raq-metrics know nothing above them and nothing of
 * each other), and no two packages of raq-stats, raq-metrics and raq-core depend on each other in a cycle.
 */
class ArchitectureTest {

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.raq");

    private static final JavaClasses WITH_LOWER_MODULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.raq");

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.raq.(**)").should().beFreeOfCycles().check(WITH_LOWER_MODULES);
    }

    @Test
    void stats_dependsOnNothingAboveIt() {
        noClasses().that().resideInAPackage("dev.raq.stats..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.core..", "dev.raq.metrics..", "dev.raq.clients..")
                .check(WITH_LOWER_MODULES);
    }

    @Test
    void metrics_dependsOnNothingOfRaq() {
        noClasses().that().resideInAPackage("dev.raq.metrics..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.core..", "dev.raq.stats..", "dev.raq.clients..")
                .check(WITH_LOWER_MODULES);
    }

    @Test
    void commons_dependsOnNothingOfRaq() {
        noClasses().that().resideInAPackage("dev.raq.commons..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.stats..", "dev.raq.metrics..", "dev.raq.core..", "dev.raq.clients..")
                .check(WITH_LOWER_MODULES);
    }

    @Test
    void everyPublicTopLevelType_statesItsApiStatus() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().arePublic().and().areTopLevelClasses()
                .and().resideInAnyPackage("dev.raq.commons..", "dev.raq.stats..", "dev.raq.metrics..", "dev.raq.core..")
                .and().resideOutsideOfPackage("dev.raq.stats.golden..") // raq-stats' test jar, on this class path
                .should().beAnnotatedWith(org.apiguardian.api.API.class).check(WITH_LOWER_MODULES);
    }

    @Test
    void theReport_knowsNoKindOfJudge() {
        noClasses().that().resideInAPackage("dev.raq.core.report..").should().dependOnClassesThat()
                .resideInAPackage("dev.raq.core.pairwise..").check(PRODUCTION);
    }

    @Test
    void core_knowsNoProvider_andItsInternalPackageStaysInside() {
        noClasses().that().resideInAPackage("dev.raq.core..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.clients..").check(PRODUCTION);
        noClasses().that().resideOutsideOfPackage("dev.raq.core..").should().dependOnClassesThat()
                .resideInAPackage("dev.raq.core.internal..").check(WITH_LOWER_MODULES);
    }
}
