package com.stockoutradar.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The web application is controllers, views and the schedule: it reaches the grid through grid-node's services
 * only, never through Ignite's API or the compute tasks themselves.
 */
class ModuleBoundaryTest {
    private final JavaClasses web = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.stockoutradar.web");

    @Test
    void webDashboardUsesNoIgniteApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.apache.ignite..")
                .because("grid-node owns the grid; the web application calls its services").check(web);
    }

    @Test
    void webDashboardUsesNoComputeTaskDirectly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.stockoutradar.compute..")
                .because("the risk service in grid-node runs the scans").check(web);
    }
}
