package vn.motsach.local;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of style.md, checked on the compiled main code of every module. */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motsach");
    }

    @Test
    void theContractDependsOnNothingButTheJdkAndJacksonAnnotations() {
        classes().that().resideInAPackage("vn.motsach.events..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "vn.motsach.events..", "com.fasterxml.jackson.annotation..")
                .check(main);
    }

    @Test
    void theQuerySideNeverDependsOnTheCommandSide() {
        noClasses().that().resideInAPackage("vn.motsach.query..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.motsach.command..", "vn.motsach.analytics..")
                .check(main);
    }

    @Test
    void analyticsDependsOnlyOnTheContractAndInfrastructure() {
        noClasses().that().resideInAPackage("vn.motsach.analytics..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.motsach.command..", "vn.motsach.query..")
                .check(main);
    }

    @Test
    void theCommandSideDoesNotReachIntoTheOtherSides() {
        noClasses().that().resideInAPackage("vn.motsach.command..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.motsach.query..", "vn.motsach.analytics..")
                .check(main);
    }

    @Test
    void infrastructureKnowsNoSide() {
        noClasses().that().resideInAPackage("vn.motsach.infra..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("vn.motsach.command..", "vn.motsach.query..", "vn.motsach.analytics..")
                .check(main);
    }

    /** The embedded PostgreSQL and broker belong to the local launcher and the tests; a production side never starts them. */
    @Test
    void onlyTheLauncherUsesTheEmbeddedStack() {
        noClasses().that().resideInAnyPackage(
                        "vn.motsach.infra..", "vn.motsach.command..", "vn.motsach.query..", "vn.motsach.analytics..")
                .should().dependOnClassesThat().resideInAPackage("vn.motsach.embedded..")
                .check(main);
    }

    /** Accounts are one feature using the security mechanics; the mechanics ask them only through an interface of their own. */
    @Test
    void securityMechanicsKnowNoAccountsFeature() {
        noClasses().that().resideInAPackage("vn.motsach.infra.security..")
                .should().dependOnClassesThat().resideInAPackage("vn.motsach.infra.accounts..")
                .check(main);
    }

    /**
     * A projection is its event handlers and its SQL: the rebuild works from those, and nothing in
     * a projection's package knows of it.
     */
    @Test
    void projectionsKnowNothingOfTheRebuild() {
        String[] projectionPackages = main.stream()
                .filter(type -> type.getPackageName().startsWith("vn.motsach.query.") && type.isAnnotatedWith(ProcessingGroup.class))
                .map(JavaClass::getPackageName)
                .distinct()
                .toArray(String[]::new);
        assertThat(projectionPackages).isNotEmpty();
        noClasses().that().resideInAnyPackage(projectionPackages)
                .should().dependOnClassesThat().resideInAPackage("vn.motsach.query.replay..")
                .check(main);
    }

    @Test
    void aggregatesUseNoSpring() {
        noClasses().that().areAnnotatedWith(Aggregate.class)
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(main);
    }

    @Test
    void timeAndIdsComeFromTheInjectedClockAndGenerator() {
        noClasses().that().resideOutsideOfPackage("vn.motsach.infra.time..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(UUID.class, "randomUUID")
                .check(main);
    }
}
