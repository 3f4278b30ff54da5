package dev.snapferry.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of HOUSE-STYLE.md, checked on the compiled classes. Plain JUnit tests that call
 * {@code check}: Surefire 3.5.3 silently skips ArchUnit's field-style {@code @ArchTest} rules.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importApplicationClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.snapferry");
    }

    @Test
    void coreAndSimulatorHaveNoJavaFxSceneGraph() {
        noClasses().that().resideInAnyPackage("dev.snapferry.core..", "dev.snapferry.sim..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("the core and the simulator run headless, in the CLI and in benchmarks")
                .check(classes);
    }

    @Test
    void coreAndSimulatorDoNotKnowTheUi() {
        noClasses().that().resideInAnyPackage("dev.snapferry.core..", "dev.snapferry.sim..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snapferry.ui..", "dev.snapferry.app..")
                .check(classes);
    }

    @Test
    void coreDoesNotUseTheSimulator() {
        noClasses().that().resideInAnyPackage("dev.snapferry.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snapferry.sim..")
                .because("the app reaches the simulator only over HTTP, through the real SDK clients")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void viewModelsHaveNoSceneGraph() {
        noClasses().that().resideInAPackage("dev.snapferry.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..")
                .because("a ViewModel never knows its View and is tested without a toolkit")
                .check(classes);
    }

    @Test
    void viewModelsDoNotScheduleOnTheFxThreadThemselves() {
        noClasses().that().resideInAPackage("dev.snapferry.ui..").and().haveSimpleNameEndingWith("ViewModel")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .because("ViewModels get a TaskRunner, which delivers results on the FX thread")
                .check(classes);
    }

    @Test
    void viewsTalkOnlyToTheirViewModel() {
        noClasses().that().resideInAPackage("dev.snapferry.ui..").and().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat()
                .resideInAnyPackage("dev.snapferry.core.aws..", "dev.snapferry.core.jobs..", "dev.snapferry.sim..")
                .because("the View talks to its ViewModel only")
                .check(classes);
    }

    @Test
    void onlyTheLauncherExitsTheJvm() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.snapferry.app.Main")
                .should().callMethod(System.class, "exit", int.class)
                .because("the app must shut down through Application.stop(), which saves and releases everything")
                .check(classes);
    }
}
