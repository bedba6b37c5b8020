package vn.motsach.local;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.command.execution.CommandExecutor;

/**
 * The layers of the command side: the features (circulation, patrons, reading, school...) and
 * their HTTP controllers use the executor, the executor knows no feature and no HTTP, and the
 * HTTP answers of a command are built at the web edge.
 */
class CommandSideArchitectureTest {

    private static final String EXECUTION = "vn.motsach.command.execution..";

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.motsach.command");
    }

    /** Features depend on the executor; what it needs from them it asks through interfaces of its own. */
    @Test
    void executionDependsOnNoFeature() {
        noClasses().that().resideInAPackage(EXECUTION)
                .should().dependOnClassesThat(resideInAPackage("vn.motsach.command..").and(resideOutsideOfPackage(EXECUTION)))
                .check(main);
    }

    @Test
    void executionKnowsNoHttp() {
        noClasses().that().resideInAPackage(EXECUTION)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..",
                        "jakarta.servlet..", "org.springdoc..", "vn.motsach.infra.web..")
                .check(main);
    }

    /** A controller answers through the web edge, which words the idempotent answers and the busy refusal in one place. */
    @Test
    void controllersSendCommandsThroughTheWebEdge() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().belongToAnyOf(CommandExecutor.class)
                .check(main);
    }

    /** A feature's lookup tables are written by its own event handlers only; other features read them through its lookups. */
    @Test
    void noFeatureReachesIntoAnotherFeaturesLookupTables() {
        classes().that().resideInAPackage("vn.motsach.command..")
                .should(new ArchCondition<JavaClass>("not depend on another package's lookup table handlers") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            if (target.isAnnotatedWith(ProcessingGroup.class)
                                    && !target.getPackageName().equals(origin.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .check(main);
    }
}
