package dev.snapferry.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.snapferry.ui.common.ExecutorTaskRunner;
import dev.snapferry.ui.common.WorkerExecutor;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers and dependency rules of app/docs/architecture.md, checked on the compiled classes. Plain JUnit
 * tests that call {@code check}: Surefire 3.5.3 silently skips ArchUnit's field-style {@code @ArchTest} rules.
 */
class ArchitectureTest {

    /**
     * What only the task runner may hold: pools, futures, semaphores and threads. A class that holds one starts
     * work the runner cannot cancel, log or hand back to the FX thread.
     */
    private static final DescribedPredicate<JavaClass> CONCURRENCY = belongToAnyOf(Executors.class,
            Semaphore.class, CompletableFuture.class, Thread.class).or(assignableTo(ExecutorService.class))
            .or(assignableTo(Thread.class)).as("start threads of their own (executors, futures, semaphores, threads)");

    /** The task runner and the pool it runs on: the one place in ui that holds threads. */
    private static final DescribedPredicate<JavaClass> RUNNER = belongToAnyOf(ExecutorTaskRunner.class,
            WorkerExecutor.class).as("the task runner");

    /**
     * Classes of ui that still hold concurrency of their own, each named with its reason;
     * {@link #exceptionsAreStillNeeded} fails once one no longer needs its place here, so that none lingers.
     */
    private static final Map<String, String> EXCEPTED = Map.of(
            // Starts nothing: inside a task the runner started, it waits for the core's future of a copy's first
            // outcome. It belongs with core.jobs rather than ui; until it moves, it is named here.
            "dev.snapferry.ui.copy.JobsCopyGateway", "waits on CopyJobService.firstOutcome");

    private static final DescribedPredicate<JavaClass> NAMED_EXCEPTIONS = DescribedPredicate.describe(
            "named in EXCEPTED", c -> EXCEPTED.containsKey(topLevel(c).getName()));

    /** Test doubles by their names' first word, as the project names them. */
    private static final DescribedPredicate<JavaClass> TEST_DOUBLES = DescribedPredicate.describe(
            "are test doubles (SameThread*, Recording*, Fake*, Stub*, Mock*, Dummy*)",
            c -> topLevel(c).getSimpleName().matches("(SameThread|Recording|Fake|Stub|Mock|Dummy)[A-Z].*"));

    private static JavaClasses classes;

    @BeforeAll
    static void importApplicationClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.snapferry");
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass outer = c;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
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
    void simulatorDoesNotUseTheAppsRules() {
        noClasses().that().resideInAPackage("dev.snapferry.sim..")
                .should().dependOnClassesThat().resideInAPackage("dev.snapferry.core.rules..")
                .because("the simulator states AWS's behaviour from AWS's documents (sim.aws): were it to ask the "
                        + "app's rules, a wrong rule would be wrong on both sides and every test would stay green")
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
    void theCommonUiKnowsNoScreen() {
        noClasses().that().resideInAPackage("dev.snapferry.ui.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snapferry.ui.browser..",
                        "dev.snapferry.ui.audit..", "dev.snapferry.ui.copy..", "dev.snapferry.ui.jobs..",
                        "dev.snapferry.ui.main..", "dev.snapferry.ui.tags..", "dev.snapferry.ui.catalog..",
                        "dev.snapferry.app..")
                .because("every screen builds on ui.common; the tag dialogs live with the tag editor")
                .check(classes);
    }

    @Test
    void theCatalogKnowsNoScreen() {
        noClasses().that().resideInAPackage("dev.snapferry.ui.catalog..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.snapferry.ui.browser..",
                        "dev.snapferry.ui.audit..", "dev.snapferry.ui.copy..", "dev.snapferry.ui.jobs..",
                        "dev.snapferry.ui.main..", "dev.snapferry.app..")
                .because("every screen reads the one catalog, and none owns it")
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

    @Test
    void viewModelsStartNoThreadsOfTheirOwn() {
        // Nested and anonymous classes of a ViewModel count as the ViewModel: a Runnable inside it is its code.
        noClasses().that(DescribedPredicate.describe("are ViewModels or inside one",
                        (JavaClass c) -> topLevel(c).getSimpleName().endsWith("ViewModel")))
                .and().resideInAPackage("dev.snapferry.ui..")
                .and(not(NAMED_EXCEPTIONS))
                .should().dependOnClassesThat(CONCURRENCY)
                .because("background work goes through the TaskRunner (runEach for many items at once), which "
                        + "bounds it, logs its failures, delivers on the FX thread and can be cancelled")
                .check(classes);
    }

    @Test
    void onlyTheTaskRunnerHoldsThreadsInTheUi() {
        // Restoring the interrupt flag after catching InterruptedException is the one use of Thread left to
        // everyone: it starts nothing and keeps a cancel working.
        noClasses().that().resideInAPackage("dev.snapferry.ui..").and(not(RUNNER)).and(not(NAMED_EXCEPTIONS))
                .should().dependOnClassesThat(CONCURRENCY.and(not(belongToAnyOf(Thread.class))))
                .orShould().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .orShould().callMethodWhere(target(owner(assignableTo(Thread.class)))
                        .and(not(target(nameMatching("currentThread|interrupt|isInterrupted")))))
                .because("the shared executor behind ExecutorTaskRunner is the one pool the app shuts down")
                .check(classes);
    }

    @Test
    void exceptionsAreStillNeeded() {
        EXCEPTED.forEach((name, reason) -> {
            assertThat(classes.contain(name)).as("%s is gone: remove it from EXCEPTED", name).isTrue();
            assertThat(classes.get(name).getDirectDependenciesFromSelf())
                    .as("%s no longer holds what excused it (%s): remove it from EXCEPTED", name, reason)
                    .anyMatch(d -> CONCURRENCY.test(d.getTargetClass()));
        });
    }

    /**
     * Test doubles live in src/test, where the compiler keeps src/main from reaching them; the rule runs on the
     * test classes too, so it always has doubles to check (ArchUnit fails a rule that selects nothing).
     */
    @Test
    void testDoublesLiveWithTheTests() {
        JavaClasses everything = new ClassFileImporter().importPackages("dev.snapferry");
        classes().that(TEST_DOUBLES)
                .should(new ArchCondition<>("be compiled from src/test") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        boolean test = c.getSource().map(s -> s.getUri().toString().contains("/test-classes/"))
                                .orElse(false);
                        events.add(new SimpleConditionEvent(c, test, c.getName() + " is compiled from "
                                + c.getSource().map(s -> s.getUri().toString()).orElse("an unknown place")));
                    }
                })
                .because("a double in src/main can be wired into the app by mistake")
                .check(everything);
    }
}
