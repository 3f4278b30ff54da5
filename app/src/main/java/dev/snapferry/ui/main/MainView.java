package dev.snapferry.ui.main;

import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.ThemeChoice;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's content: menu bar, banners, product header and the tabs (snapshots, engine rules).
 *
 * <p>Texts are fetched with a literal key where they are used ({@code messages.get("app.name")}), not handed to
 * helpers as keys, so that the bundle test finds every key the window needs.
 */
public final class MainView {

    private static final double ROW_HEIGHT = 28;

    private final MainViewModel viewModel;
    private final Messages messages;
    private final Runnable quit;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Tab snapshotsTab = new Tab();

    /** @param browser the snapshot browser's view, shown in the first tab */
    public MainView(MainViewModel viewModel, Messages messages, Node browser, Runnable quit) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.quit = Objects.requireNonNull(quit, "quit");
        root.setId("mainRoot");
        root.getStyleClass().add("main-root");
        root.setPrefSize(1480, 900);
        root.setTop(new VBox(menuBar(), banner("demoBanner", "demo-banner", viewModel.demoBannerProperty()),
                banner("settingsProblem", "settings-problem", viewModel.settingsProblemProperty()),
                productHeader()));
        root.setCenter(tabs(Objects.requireNonNull(browser, "browser")));
    }

    public Parent root() {
        return root;
    }

    /** Adds a tab after the snapshots tab (the copy jobs), its title kept up to date. */
    public void addTab(String id, ObservableStringValue title, Node content) {
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

    private MenuBar menuBar() {
        MenuItem quitItem = new MenuItem(messages.get("main.menu.file.quit"));
        quitItem.setId("quitItem");
        quitItem.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.CONTROL_DOWN));
        quitItem.setOnAction(e -> quit.run());
        MenuItem aboutItem = new MenuItem(messages.get("main.menu.help.about"));
        aboutItem.setId("aboutItem");
        aboutItem.setOnAction(e -> viewModel.showAbout());
        MenuBar menuBar = new MenuBar(
                new Menu(messages.get("main.menu.file"), null, quitItem),
                new Menu(messages.get("main.menu.view"), null, themeMenu()),
                new Menu(messages.get("main.menu.help"), null, aboutItem));
        menuBar.setId("menuBar");
        menuBar.setAccessibleText(messages.get("main.menu.accessible"));
        return menuBar;
    }

    /** One radio item per theme, kept in step with the ViewModel both ways (the settings can change it too). */
    private Menu themeMenu() {
        ToggleGroup themeGroup = new ToggleGroup();
        RadioMenuItem themeSystem = theme("themeSystem", messages.get("main.menu.view.theme.system"),
                ThemeChoice.SYSTEM);
        RadioMenuItem themeLight = theme("themeLight", messages.get("main.menu.view.theme.light"),
                ThemeChoice.LIGHT);
        RadioMenuItem themeDark = theme("themeDark", messages.get("main.menu.view.theme.dark"), ThemeChoice.DARK);
        themeGroup.getToggles().addAll(themeSystem, themeLight, themeDark);
        selectTheme(themeGroup, viewModel.themeProperty().get());
        themeGroup.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now != null) {
                viewModel.themeProperty().set((ThemeChoice) now.getUserData());
            }
        });
        viewModel.themeProperty().addListener((obs, old, now) -> selectTheme(themeGroup, now));
        return new Menu(messages.get("main.menu.view.theme"), null,
                themeSystem, new SeparatorMenuItem(), themeLight, themeDark);
    }

    private static RadioMenuItem theme(String id, String text, ThemeChoice choice) {
        RadioMenuItem item = new RadioMenuItem(text);
        item.setId(id);
        item.setUserData(choice);
        return item;
    }

    private static void selectTheme(ToggleGroup themeGroup, ThemeChoice choice) {
        for (Toggle toggle : themeGroup.getToggles()) {
            if (toggle.getUserData() == choice) {
                themeGroup.selectToggle(toggle);
            }
        }
    }

    /** A full-width notice that takes no room while the ViewModel has nothing to say. */
    private static Label banner(String id, String styleClass, ObservableStringValue text) {
        Label banner = new Label();
        banner.setId(id);
        banner.getStyleClass().add(styleClass);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.textProperty().bind(text);
        banner.visibleProperty().bind(Bindings.isNotEmpty(text));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox productHeader() {
        Label productName = new Label(messages.get("app.name"));
        productName.setId("productName");
        productName.getStyleClass().add("product-name");
        // The name never shrinks to an ellipsis; the tagline gives way instead.
        productName.setMinWidth(Region.USE_PREF_SIZE);
        Label tagline = new Label(messages.get("app.tagline"));
        tagline.getStyleClass().add("product-tagline");
        HBox header = new HBox(12, productName, tagline);
        header.getStyleClass().add("product-header");
        header.setAlignment(Pos.BASELINE_LEFT);
        return header;
    }

    /** The browser first; the copy jobs and audit tabs are added between it and the engine rules. */
    private TabPane tabs(Node browser) {
        snapshotsTab.setId("snapshotsTab");
        snapshotsTab.setText(messages.get("browser.tab"));
        snapshotsTab.setContent(browser);
        Tab engineRulesTab = new Tab(messages.get("browser.engines.tab"), engineRules());
        engineRulesTab.setId("engineRulesTab");
        tabs.setId("tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(snapshotsTab, engineRulesTab);
        return tabs;
    }

    /** The engine matrix as a table, then the rules AWS's documents disagree on, then every rule's source. */
    private VBox engineRules() {
        TableView<EngineRow> engineTable = engineTable();
        ListView<String> contestedList = lines("contestedList", messages.get("main.contested.title"),
                viewModel.getContestedRules());
        ListView<String> sourcesList = lines("sourcesList", messages.get("main.sources.title"),
                viewModel.getRuleSources());
        Label contestedTitle = sectionTitle(messages.get("main.contested.title"), contestedList);
        Label sourcesTitle = sectionTitle(messages.get("main.sources.title"), sourcesList);
        // The first title sits under the tab header; the later ones need air above them.
        VBox.setMargin(contestedTitle, new Insets(12, 0, 0, 0));
        VBox.setMargin(sourcesTitle, new Insets(12, 0, 0, 0));
        VBox content = new VBox(8,
                sectionTitle(messages.get("main.engines.title"), engineTable),
                sectionHint(messages.get("main.engines.hint")), engineTable,
                contestedTitle, sectionHint(messages.get("main.contested.hint")), contestedList,
                sourcesTitle, sourcesList);
        content.getStyleClass().add("content");
        content.setPadding(new Insets(12, 20, 20, 20));
        return content;
    }

    private TableView<EngineRow> engineTable() {
        TableView<EngineRow> table = new TableView<>(viewModel.getEngines());
        table.setId("engineTable");
        table.setAccessibleText(messages.get("main.engines.title"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().addAll(List.of(
                column("engineColumn", messages.get("main.engines.engine"), 160, EngineRow::engine),
                column("apiColumn", messages.get("main.engines.api"), 175, EngineRow::apiFamily),
                column("crossRegionColumn", messages.get("main.engines.crossRegion"), 240, EngineRow::crossRegion),
                column("sharedCrossRegionColumn", messages.get("main.engines.sharedCrossRegion"), 140,
                        EngineRow::sharedCrossRegion),
                column("unencryptedKeyColumn", messages.get("main.engines.unencryptedKey"), 150,
                        EngineRow::unencryptedWithKey),
                column("maxCopiesColumn", messages.get("main.engines.maxCopies"), 110, EngineRow::maxCopies),
                column("tagCharsColumn", messages.get("main.engines.tagChars"), 260, EngineRow::tagCharacters)));
        // Six rows: size the table to them instead of leaving an empty grid under them.
        table.setFixedCellSize(ROW_HEIGHT);
        table.prefHeightProperty().bind(Bindings.size(table.getItems()).add(1.3).multiply(ROW_HEIGHT));
        table.minHeightProperty().bind(table.prefHeightProperty());
        return table;
    }

    private static TableColumn<EngineRow, String> column(String id, String title, double width,
                                                         Function<EngineRow, String> text) {
        TableColumn<EngineRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue()))
                .getReadOnlyProperty());
        // Some rules read long (the regions a copy cannot reach, Elastic's key characters): the whole text on hover.
        column.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return column;
    }

    /** A list of long sentences: each wraps to the list's width instead of scrolling sideways. */
    private static ListView<String> lines(String id, String accessibleText, ObservableList<String> items) {
        ListView<String> list = new ListView<>(items);
        list.setId(id);
        list.getStyleClass().add("contested-list");
        list.setAccessibleText(accessibleText);
        list.setCellFactory(view -> wrappingCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        return list;
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

    private static Label sectionTitle(String text, Node labelled) {
        Label title = new Label(text);
        title.getStyleClass().add("section-title");
        title.setLabelFor(labelled);
        return title;
    }

    private static Label sectionHint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("section-hint");
        hint.setWrapText(true);
        return hint;
    }
}
