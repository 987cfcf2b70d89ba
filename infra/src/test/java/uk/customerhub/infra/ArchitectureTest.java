package uk.customerhub.infra;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps the module rules of ARCHITECTURE.md: a plain domain, and channels and projections that never meet directly. */
class ArchitectureTest {
    private static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("uk.customerhub");
    }

    @Test
    void the_domain_knows_nothing_of_spring_mongo_or_http() {
        noClasses().that().resideInAnyPackage("uk.customerhub.api..", "uk.customerhub.customer..", "uk.customerhub.identity..", "uk.customerhub.clocks..",
                        "uk.customerhub.unattributed..", "uk.customerhub.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "jakarta.servlet..", "java.net.http..")
                .check(hub);
    }

    @Test
    void the_domain_depends_on_no_other_module() {
        noClasses().that().resideInAnyPackage("uk.customerhub.api..", "uk.customerhub.customer..", "uk.customerhub.identity..", "uk.customerhub.clocks..",
                        "uk.customerhub.unattributed..", "uk.customerhub.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "uk.customerhub.channels..", "uk.customerhub.projections..", "uk.customerhub.infra..")
                .check(hub);
    }

    @Test
    void channels_never_reach_into_projections_or_infra() {
        noClasses().that().resideInAPackage("uk.customerhub.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("uk.customerhub.projections..", "uk.customerhub.infra..")
                .check(hub);
    }

    @Test
    void projections_never_call_channels_or_infra_and_use_no_spring() {
        noClasses().that().resideInAPackage("uk.customerhub.projections..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "uk.customerhub.channels..", "uk.customerhub.infra..", "org.springframework..")
                .check(hub);
    }
}
