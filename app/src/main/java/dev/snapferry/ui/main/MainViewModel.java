package dev.snapferry.ui.main;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.rules.CapabilityMatrix;
import dev.snapferry.core.rules.EngineCapabilities;
import dev.snapferry.core.rules.UnencryptedKeyRule;
import dev.snapferry.ui.common.DialogService;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.ThemeChoice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window: its title, the theme choice, and the engine rules Snapferry applies (read from the capability
 * matrix, so what the user reads is exactly what the copy rules enforce).
 */
public final class MainViewModel {

    private final Messages messages;
    private final DialogService dialogs;
    private final String version;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(this, "theme", ThemeChoice.SYSTEM);
    private final ObservableList<EngineRow> engines;
    private final ObservableList<String> contestedRules;
    private final ObservableList<String> ruleSources;
    private final ReadOnlyStringWrapper demoBanner = new ReadOnlyStringWrapper(this, "demoBanner", "");
    private final ReadOnlyStringWrapper settingsProblem = new ReadOnlyStringWrapper(this, "settingsProblem", "");

    public MainViewModel(CapabilityMatrix matrix, Messages messages, DialogService dialogs, String version) {
        Objects.requireNonNull(matrix, "matrix");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.version = Objects.requireNonNull(version, "version");
        title.set(messages.get("app.name"));
        engines = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(rows(matrix)));
        contestedRules = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(
                contested(matrix)));
        ruleSources = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(sources(matrix)));
    }

    /**
     * Says that the window shows the demo account, where the simulated AWS runs, and how to use real AWS instead;
     * empty when the app talks to AWS.
     */
    public ReadOnlyStringProperty demoBannerProperty() {
        return demoBanner.getReadOnlyProperty();
    }

    public void showDemo(String endpoint) {
        demoBanner.set(messages.get("main.demo.banner", endpoint));
        title.set(messages.get("main.demo.title", messages.get("app.name")));
    }

    /** The demo account was closed: the window shows real AWS only. */
    public void hideDemo() {
        demoBanner.set("");
        title.set(messages.get("app.name"));
    }

    /** Why the settings could not be saved, what was kept, and what to do; empty while they save. */
    public ReadOnlyStringProperty settingsProblemProperty() {
        return settingsProblem.getReadOnlyProperty();
    }

    /** The last save of the settings failed: the file on disk is the previous one, and the user is told so. */
    public void settingsNotSaved(String file, String reason) {
        settingsProblem.set(messages.get("main.settings.notSaved", file, reason));
    }

    /** The settings were saved: any earlier problem is over. */
    public void settingsSaved() {
        settingsProblem.set("");
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String getTitle() {
        return title.get();
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public ObservableList<EngineRow> getEngines() {
        return engines;
    }

    /** One line per rule that AWS's own documents contest: the engine, and the choice Snapferry made and why. */
    public ObservableList<String> getContestedRules() {
        return contestedRules;
    }

    /** One line per rule whose source the matrix names: the engine, the rule, and the AWS document it is from. */
    public ObservableList<String> getRuleSources() {
        return ruleSources;
    }

    public void showAbout() {
        dialogs.showInformation(messages.get("about.title"), messages.get("about.text", version));
    }

    private List<EngineRow> rows(CapabilityMatrix matrix) {
        List<EngineRow> rows = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            EngineCapabilities caps = matrix.forEngine(engine);
            rows.add(new EngineRow(
                    messages.get("engine." + engine.name()),
                    messages.get("api." + engine.api().name()),
                    !caps.crossRegionCopy() || caps.crossRegionExcludedRegions().isEmpty() ? yesNo(caps.crossRegionCopy())
                            : messages.get("main.engines.crossRegion.except",
                            String.join(", ", caps.crossRegionExcludedRegions())),
                    caps.crossRegionCopy()
                            ? messages.get("main.engines.sharedCrossRegion." + caps.sharedCopyCrossRegion().name())
                            : messages.get("common.notApplicable"),
                    messages.get(caps.kmsKeyWithUnencryptedSource() == UnencryptedKeyRule.ERROR
                            ? "main.engines.unencryptedKey.error" : "main.engines.unencryptedKey.encrypts"),
                    Integer.toString(caps.maxCopiesInFlightPerRegion()),
                    tagCharacters(caps)));
        }
        return rows;
    }

    private List<String> contested(CapabilityMatrix matrix) {
        List<String> lines = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            for (String why : matrix.forEngine(engine).contested().values()) {
                lines.add(messages.get("main.contested.line", messages.get("engine." + engine.name()), why));
            }
        }
        return lines;
    }

    private List<String> sources(CapabilityMatrix matrix) {
        List<String> lines = new ArrayList<>();
        for (Engine engine : Engine.values()) {
            matrix.forEngine(engine).sources().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(source -> lines.add(messages.get("main.sources.line",
                            messages.get("engine." + engine.name()), source.getKey(), source.getValue())));
        }
        return lines;
    }

    /** Which characters tag keys may hold: Elastic's own ASCII set, or the RDS family's standard set (+ extras). */
    private String tagCharacters(EngineCapabilities caps) {
        if (caps.tags().keyCharacters() instanceof dev.snapferry.core.rules.TagCharset.AsciiClass ascii) {
            return messages.get("main.engines.tagChars.ascii", ascii.listing());
        }
        return caps.tags().extraCharacters().isEmpty() ? messages.get("main.engines.tagChars.standard")
                : messages.get("main.engines.tagChars.extra", caps.tags().extraCharacters());
    }

    private String yesNo(boolean value) {
        return messages.get(value ? "common.yes" : "common.no");
    }
}
