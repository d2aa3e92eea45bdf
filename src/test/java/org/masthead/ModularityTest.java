package org.masthead;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the feature packages honest: module boundaries, no cycles, and the house rules of STYLE.md. */
class ModularityTest {

    private static final String[] DELIVERY = {"org.masthead.site..", "org.masthead.api..", "org.masthead.admin..", "org.masthead.feed.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.masthead");
    }

    @Test
    void modulesOnlyUseEachOthersPublicTypesAndHaveNoCycles() {
        ApplicationModules.of(MastheadApplication.class).verify();
    }

    @Test
    void featureModulesNeverDependOnDeliveryModules() {
        noClasses().that().resideOutsideOfPackages(DELIVERY).and().resideOutsideOfPackage("org.masthead")
                .should().dependOnClassesThat().resideInAnyPackage(DELIVERY)
                .check(classes);
    }

    @Test
    void deliveryModulesDoNotUseEachOther() {
        for (String module : DELIVERY) {
            String[] others = java.util.Arrays.stream(DELIVERY).filter(m -> !m.equals(module)).toArray(String[]::new);
            noClasses().that().resideInAPackage(module).should().dependOnClassesThat().resideInAnyPackage(others)
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void noCatchAllPackageNames() {
        noClasses().should().resideInAnyPackage("..util..", "..utils..", "..common..", "..helper..", "..helpers..", "..base..", "..manager..", "..impl..")
                .check(classes);
    }

    @Test
    void noFieldInjection() {
        fields().should().notBeAnnotatedWith(Autowired.class).check(classes);
    }

    @Test
    void noPrintingToStandardStreams() {
        NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS.check(classes);
    }
}
