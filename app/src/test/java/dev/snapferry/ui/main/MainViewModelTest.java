package dev.snapferry.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.RecordingDialogService;
import dev.snapferry.ui.common.ThemeChoice;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class MainViewModelTest {

    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final MainViewModel viewModel = new MainViewModel(CapabilityMatrix.loadDefault(),
            Messages.load(Locale.ROOT), dialogs, "1.2.3");

    @Test
    void titleIsTheProductName() {
        assertThat(viewModel.getTitle()).isEqualTo("Snapferry");
    }

    @Test
    void listsOneRowPerEngineWithTheMatrixRules() {
        assertThat(viewModel.getEngines()).hasSize(Engine.values().length);
        EngineRow elastic = row("DocumentDB Elastic");
        assertThat(elastic.crossRegion()).isEqualTo("No");
        assertThat(elastic.sharedCrossRegion()).isEqualTo("\u2014");
        EngineRow docdb = row("Amazon DocumentDB");
        assertThat(docdb.crossRegion()).isEqualTo("Yes");
        assertThat(docdb.sharedCrossRegion()).isEqualTo("Yes");
        assertThat(docdb.maxCopies()).isEqualTo("5");
        assertThat(row("Aurora MySQL").tagCharacters()).contains("@");
        // Elastic keys: the docdb-elastic model's class [a-zA-Z+-=._:/], ASCII only.
        assertThat(elastic.tagCharacters()).startsWith("Keys: ").contains("A\u2013Z").doesNotContain("Standard");
        assertThat(row("Aurora MySQL").sharedCrossRegion()).isEqualTo("Yes");
    }

    @Test
    void contestedRulesAreSpelledOutPerEngine() {
        assertThat(viewModel.getContestedRules())
                .anySatisfy(line -> assertThat(line).startsWith("Amazon Neptune: ").contains("PreSignedUrl"))
                .anySatisfy(line -> assertThat(line).startsWith("Amazon DocumentDB: "))
                .anySatisfy(line -> assertThat(line).startsWith("DocumentDB Elastic: "))
                .anySatisfy(line -> assertThat(line).startsWith("Aurora MySQL: "));
    }

    @Test
    void auroraSaysWhichRegionsItsCopiesAvoidAndNeptuneDoesNot() {
        assertThat(row("Aurora MySQL").crossRegion()).isEqualTo("Yes, not cn-north-1, cn-northwest-1");
        assertThat(row("Amazon Neptune").crossRegion()).isEqualTo("Yes");
    }

    @Test
    void everyRuleSourceIsListedWithItsEngineAndRule() {
        assertThat(viewModel.getRuleSources())
                .anySatisfy(line -> assertThat(line).startsWith("Aurora MySQL, crossRegionExcludedRegions: ")
                        .contains("Aurora User Guide"))
                .anySatisfy(line -> assertThat(line).startsWith("Amazon Neptune, crossRegionExcludedRegions: ")
                        .contains("China (Beijing) and China (Ningxia)"));
    }

    @Test
    void noBannerUntilTheDemoAccountIsShown() {
        assertThat(viewModel.demoBannerProperty().get()).isEmpty();
        viewModel.showDemo("http://127.0.0.1:4566");
        assertThat(viewModel.demoBannerProperty().get()).contains("simulated AWS", "http://127.0.0.1:4566");
        assertThat(viewModel.getTitle()).isEqualTo("Snapferry \u2014 Demo account");
    }

    @Test
    void themeStartsByFollowingTheSystem() {
        assertThat(viewModel.themeProperty().get()).isEqualTo(ThemeChoice.SYSTEM);
        viewModel.themeProperty().set(ThemeChoice.DARK);
        assertThat(viewModel.themeProperty().get()).isEqualTo(ThemeChoice.DARK);
    }

    @Test
    void aboutShowsTheVersion() {
        viewModel.showAbout();
        assertThat(dialogs.shown()).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("About Snapferry");
            assertThat(shown.message()).startsWith("Snapferry 1.2.3");
        });
    }

    private EngineRow row(String engine) {
        return viewModel.getEngines().stream().filter(r -> r.engine().equals(engine)).findFirst().orElseThrow();
    }
}
