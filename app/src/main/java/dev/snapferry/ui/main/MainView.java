package dev.snapferry.ui.main;

import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.ThemeChoice;
import dev.snapferry.ui.common.ViewLoader;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.Label;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The main window's content: menu bar, product header and the engine rules table. */
public final class MainView {

    private static final double ROW_HEIGHT = 28;

    private final MainViewModel viewModel;
    private final Runnable quit;
    private final Parent root;
    private final Node browser;

    @FXML private Label productName;
    @FXML private Label demoBanner;
    @FXML private Label settingsProblem;
    @FXML private RadioMenuItem themeSystem;
    @FXML private RadioMenuItem themeLight;
    @FXML private RadioMenuItem themeDark;
    @FXML private ToggleGroup themeGroup;
    @FXML private TableView<EngineRow> engineTable;
    @FXML private TableColumn<EngineRow, String> engineColumn;
    @FXML private TableColumn<EngineRow, String> apiColumn;
    @FXML private TableColumn<EngineRow, String> crossRegionColumn;
    @FXML private TableColumn<EngineRow, String> sharedCrossRegionColumn;
    @FXML private TableColumn<EngineRow, String> unencryptedKeyColumn;
    @FXML private TableColumn<EngineRow, String> maxCopiesColumn;
    @FXML private TableColumn<EngineRow, String> tagCharsColumn;
    @FXML private ListView<String> contestedList;
    @FXML private ListView<String> sourcesList;
    @FXML private Tab snapshotsTab;
    @FXML private javafx.scene.control.TabPane tabs;

    /** @param browser the snapshot browser's view, shown in the first tab */
    public MainView(MainViewModel viewModel, Messages messages, Node browser, Runnable quit) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.quit = Objects.requireNonNull(quit, "quit");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.root = ViewLoader.load(MainView.class, this, messages);
    }

    public Parent root() {
        return root;
    }

    /** Adds a tab after the snapshots tab (the copy jobs), its title kept up to date. */
    public void addTab(String id, javafx.beans.value.ObservableStringValue title, Node content) {
        Tab tab = new Tab();
        tab.setId(id);
        tab.textProperty().bind(title);
        tab.setContent(content);
        tabs.getTabs().add(1, tab);
    }

    /** Brings the snapshots tab to the front (an audit chart opened it on some snapshots). */
    public void showSnapshots() {
        tabs.getSelectionModel().select(snapshotsTab);
    }

    @FXML
    private void initialize() {
        snapshotsTab.setContent(browser);
        demoBanner.textProperty().bind(viewModel.demoBannerProperty());
        demoBanner.visibleProperty().bind(viewModel.demoBannerProperty().isNotEmpty());
        demoBanner.managedProperty().bind(demoBanner.visibleProperty());
        settingsProblem.textProperty().bind(viewModel.settingsProblemProperty());
        settingsProblem.visibleProperty().bind(viewModel.settingsProblemProperty().isNotEmpty());
        settingsProblem.managedProperty().bind(settingsProblem.visibleProperty());
        themeSystem.setUserData(ThemeChoice.SYSTEM);
        themeLight.setUserData(ThemeChoice.LIGHT);
        themeDark.setUserData(ThemeChoice.DARK);
        selectTheme(viewModel.themeProperty().get());
        themeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        viewModel.themeProperty().addListener((obs, old, now) -> selectTheme(now));

        bind(engineColumn, EngineRow::engine);
        bind(apiColumn, EngineRow::apiFamily);
        bind(crossRegionColumn, EngineRow::crossRegion);
        bind(sharedCrossRegionColumn, EngineRow::sharedCrossRegion);
        bind(unencryptedKeyColumn, EngineRow::unencryptedWithKey);
        bind(maxCopiesColumn, EngineRow::maxCopies);
        bind(tagCharsColumn, EngineRow::tagCharacters);
        engineTable.setItems(viewModel.getEngines());
        // Six rows: size the table to them instead of leaving an empty grid under them.
        engineTable.setFixedCellSize(ROW_HEIGHT);
        engineTable.prefHeightProperty().bind(Bindings.size(engineTable.getItems()).add(1.3).multiply(ROW_HEIGHT));
        engineTable.minHeightProperty().bind(engineTable.prefHeightProperty());
        contestedList.setItems(viewModel.getContestedRules());
        contestedList.setCellFactory(list -> wrappingCell());
        sourcesList.setItems(viewModel.getRuleSources());
        sourcesList.setCellFactory(list -> wrappingCell());
    }

    private static ListCell<String> wrappingCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                setWrapText(true);
                setPrefWidth(0);
            }
        };
    }

    @FXML
    private void onAbout() {
        viewModel.showAbout();
    }

    @FXML
    private void onQuit() {
        quit.run();
    }

    private void selectTheme(ThemeChoice choice) {
        for (Toggle toggle : themeGroup.getToggles()) {
            if (toggle.getUserData() == choice) {
                themeGroup.selectToggle(toggle);
            }
        }
    }

    private static void bind(TableColumn<EngineRow, String> column, Function<EngineRow, String> f) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(f.apply(cell.getValue())).getReadOnlyProperty());
    }
}
