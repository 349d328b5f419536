package dev.raq.clients;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * raq-clients' layout as a test: the HTTP plumbing knows no provider (so a provider can live in its own module over
 * it), the packages are free of cycles, and every public type states its API status.
 */
class ClientsArchitectureTest {

    private static final JavaClasses CLIENTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.raq.clients");

    @Test
    void theHttpPlumbing_knowsNoProviderOrDecorator() {
        noClasses().that().resideInAPackage("dev.raq.clients.http..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.raq.clients", "dev.raq.clients.replay..", "dev.raq.clients.resilience..")
                .check(CLIENTS);
    }

    @Test
    void packages_areFreeOfCycles() {
        slices().matching("dev.raq.clients.(**)").should().beFreeOfCycles().check(CLIENTS);
    }

    @Test
    void everyPublicTopLevelType_statesItsApiStatus() {
        classes().that().arePublic().and().areTopLevelClasses().should().beAnnotatedWith(API.class).check(CLIENTS);
    }
}
