package dev.snapferry.ui.browser;

import dev.snapferry.ui.catalog.AccountChoice;
import dev.snapferry.ui.catalog.RegionStatus;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.core.audit.QuickFilter;
import dev.snapferry.core.export.SnapshotExport;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.common.Messages;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The snapshot browser: toolbar, table, details pane and region status bar, bound to its ViewModel.
 *
 * <p>Texts are fetched with a literal key at the place they are used ({@code messages.get("browser.refresh")}),
 * not passed to a helper as a key, so that the bundle test finds every key this screen needs.
 */
public final class BrowserView {

    private final BrowserViewModel viewModel;
    private final Messages messages;
    private final BrowserCells cells;
    private final SnapshotDetailsPane details;
    private final BorderPane root = new BorderPane();
    private final TextField search = new TextField();
    private final MenuButton accountsMenu = new MenuButton();
    private final MenuButton regionsMenu = new MenuButton();
    private final TableView<SnapshotRow> table = new TableView<>();
    private final FlowPane regionChips = new FlowPane(6, 4);
    private java.util.function.Consumer<List<Snapshot>> copyHandler = sources -> { };

    public BrowserView(BrowserViewModel viewModel, Messages messages, Clock clock) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.cells = new BrowserCells(messages, clock);
        this.details = new SnapshotDetailsPane(messages, viewModel::describeCommand, shareButton());
        root.setId("browserRoot");
        root.getStyleClass().add("browser");
        root.setTop(new VBox(toolbar(), restrictionBar()));
        root.setCenter(tableAndDetails());
        applyColumnLayout(DefaultColumnLayout.COLUMNS);
        root.setBottom(statusBar());
        shortcuts();
    }

    public Parent root() {
        return root;
    }

    /** Who to list (accounts, regions), what to show of it (search, engines, types, audit) and what to do. */
    private ToolBar toolbar() {
        accountsMenu.setId("accountsMenu");
        accountsMenu.setAccessibleText(messages.get("browser.accounts.accessible"));
        search.setId("search");
        search.setPromptText(messages.get("browser.search.prompt"));
        search.setPrefColumnCount(22);
        search.setAccessibleText(messages.get("browser.search.accessible"));
        search.textProperty().bindBidirectional(viewModel.filter().searchProperty());
        regionsMenu.setId("regionsMenu");
        regionsMenu.setAccessibleText(messages.get("browser.regions.accessible"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button refresh = button("refresh", messages.get("browser.refresh"), viewModel.catalog()::refresh);
        refresh.setTooltip(new Tooltip(messages.get("browser.refresh.tooltip")));
        ToolBar toolbar = new ToolBar(accountsMenu, search, regionsMenu, new Separator(Orientation.VERTICAL),
                engineToggle("engineAurora", messages.get("browser.engine.AURORA"), EngineFamily.AURORA),
                engineToggle("engineDocdb", messages.get("browser.engine.DOCUMENTDB"), EngineFamily.DOCUMENTDB),
                engineToggle("engineElastic", messages.get("browser.engine.DOCUMENTDB_ELASTIC"),
                        EngineFamily.DOCUMENTDB_ELASTIC),
                engineToggle("engineNeptune", messages.get("browser.engine.NEPTUNE"), EngineFamily.NEPTUNE),
                new Separator(Orientation.VERTICAL), typesMenu(), auditMenu(), gap, refresh, exportMenu());
        toolbar.setId("toolbar");
        toolbar.getStyleClass().add("browser-toolbar");
        regionsMenu();
        accountsMenu();
        return toolbar;
    }

    private ToggleButton engineToggle(String id, String text, EngineFamily engine) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.getStyleClass().add("engine-toggle");
        toggle.selectedProperty().bindBidirectional(viewModel.filter().engineProperty(engine));
        return toggle;
    }

    /** The snapshot types to show, and whether to list other accounts' public snapshots at all. */
    private MenuButton typesMenu() {
        return menuButton("typesMenu", messages.get("browser.types"),
                check("typeAutomated", messages.get("browser.type.AUTOMATED"),
                        viewModel.filter().typeProperty(SnapshotType.AUTOMATED)),
                check("typeManual", messages.get("browser.type.MANUAL"),
                        viewModel.filter().typeProperty(SnapshotType.MANUAL)),
                check("typeShared", messages.get("browser.type.SHARED"),
                        viewModel.filter().typeProperty(SnapshotType.SHARED)),
                check("typePublic", messages.get("browser.type.PUBLIC"),
                        viewModel.filter().typeProperty(SnapshotType.PUBLIC)),
                new SeparatorMenuItem(),
                check("includePublic", messages.get("browser.includePublic"),
                        viewModel.catalog().includePublicProperty()));
    }

    /** The audit's quick filters, and the tag policy they check against. */
    private MenuButton auditMenu() {
        return menuButton("auditMenu", messages.get("browser.audit"),
                check("quickUnencrypted", messages.get("browser.quick.UNENCRYPTED"),
                        viewModel.filter().quickFilterProperty(QuickFilter.UNENCRYPTED)),
                check("quickAwsManaged", messages.get("browser.quick.AWS_MANAGED_KEY"),
                        viewModel.filter().quickFilterProperty(QuickFilter.AWS_MANAGED_KEY)),
                check("quickMissingTags", messages.get("browser.quick.MISSING_REQUIRED_TAGS"),
                        viewModel.filter().quickFilterProperty(QuickFilter.MISSING_REQUIRED_TAGS)),
                check("quickShared", messages.get("browser.quick.SHARED_OR_PUBLIC"),
                        viewModel.filter().quickFilterProperty(QuickFilter.SHARED_OR_PUBLIC)),
                check("quickInProgress", messages.get("browser.quick.IN_PROGRESS"),
                        viewModel.filter().quickFilterProperty(QuickFilter.IN_PROGRESS)),
                new SeparatorMenuItem(),
                item("tagPolicyItem", messages.get("browser.tagPolicy.menu"), viewModel::editTagPolicy));
    }

    private MenuButton exportMenu() {
        return menuButton("exportMenu", messages.get("browser.export"),
                item("exportCsv", messages.get("browser.export.csv"),
                        () -> viewModel.export(SnapshotExport.Format.CSV)),
                item("exportJson", messages.get("browser.export.json"),
                        () -> viewModel.export(SnapshotExport.Format.JSON)));
    }

    /** Shown only while an audit chart has narrowed the table to some snapshots, with the way back to all. */
    private HBox restrictionBar() {
        Label restrictionLabel = new Label();
        restrictionLabel.setId("restrictionLabel");
        restrictionLabel.getStyleClass().add("restriction-label");
        restrictionLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(restrictionLabel, Priority.ALWAYS);
        restrictionLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            SnapshotFilter.Restriction only = viewModel.filter().restrictionProperty().get();
            return only == null ? "" : messages.get("browser.restriction", only.label(), only.ids().size());
        }, viewModel.filter().restrictionProperty()));
        Button clear = button("clearRestriction", messages.get("browser.restriction.clear"),
                viewModel.filter()::clearRestriction);
        HBox bar = new HBox(10, restrictionLabel, clear);
        bar.setId("restrictionBar");
        bar.getStyleClass().add("restriction-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        bar.visibleProperty().bind(viewModel.filter().restrictionProperty().isNotNull());
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    /**
     * A region listed again replaces its rows with new ones, which the table's selection does not know. The rows
     * the user chose are remembered by snapshot; a chosen row that left because it was retired (not deselected)
     * stays chosen, and its successor is selected as it arrives.
     */
    private void keepSelectionThroughRelisting() {
        Map<String, SnapshotRow> chosen = new HashMap<>();
        boolean[] restoring = {false};
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SnapshotRow>) c -> {
            if (restoring[0]) {
                return;
            }
            Map<String, SnapshotRow> now = new HashMap<>();
            for (SnapshotRow row : table.getSelectionModel().getSelectedItems()) {
                if (row != null) {
                    now.put(dev.snapferry.core.audit.Audit.id(row.snapshot()), row);
                }
            }
            chosen.forEach((id, row) -> {
                if (row.isRetired()) {
                    now.putIfAbsent(id, row);
                }
            });
            chosen.clear();
            chosen.putAll(now);
        });
        viewModel.visibleRows().addListener((ListChangeListener<SnapshotRow>) c -> {
            if (chosen.isEmpty()) {
                return;
            }
            List<SnapshotRow> successors = new ArrayList<>();
            boolean added = false;
            while (c.next()) {
                if (c.wasAdded()) {
                    added = true;
                    for (SnapshotRow row : c.getAddedSubList()) {
                        SnapshotRow before = chosen.get(dev.snapferry.core.audit.Audit.id(row.snapshot()));
                        if (before != null && before != row && before.isRetired()) {
                            successors.add(row);
                        }
                    }
                }
            }
            if (!added) {
                // The retired rows' successors come in the next change, from the same listing.
                return;
            }
            restoring[0] = true;
            try {
                for (SnapshotRow row : successors) {
                    chosen.put(dev.snapferry.core.audit.Audit.id(row.snapshot()), row);
                    int index = table.getItems().indexOf(row);
                    if (index >= 0) {
                        table.getSelectionModel().select(index);
                    }
                }
            } finally {
                restoring[0] = false;
            }
            // A retired row is carried across one re-listing only: one without a successor was deleted in AWS.
            chosen.values().removeIf(SnapshotRow::isRetired);
        });
    }

    /** The table takes most of the width; the details of the selected snapshot sit to its right. */
    private SplitPane tableAndDetails() {
        table.setId("table");
        table.setTableMenuButtonVisible(true);
        table.setAccessibleText(messages.get("browser.tab"));
        columns();
        // The table alone would let the selection slip to other rows when a region's rows land among them.
        dev.snapferry.ui.common.SelectionKeeper.setItems(table, viewModel.visibleRows(),
                row -> dev.snapferry.core.audit.Audit.id(row.snapshot()));
        // One row height for all rows: the table then never measures rows while laying out.
        table.setFixedCellSize(26);
        // Sorting goes to the ViewModel's sorted list, under the filter: a keystroke never re-sorts.
        table.setSortPolicy(t -> {
            Comparator<SnapshotRow> direct = BrowserCells.rowOrder(t.getSortOrder());
            Comparator<SnapshotRow> chosen = direct != null ? direct : t.getComparator();
            viewModel.comparatorProperty().set(chosen != null ? chosen : BrowserViewModel.newestFirst());
            return true;
        });
        table.setPlaceholder(new Label(messages.get("browser.placeholder.empty")));
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null || !table.getItems().contains(viewModel.selectedProperty().get())) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, old, now) -> {
            details.show(now == null ? null : now.snapshot());
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                // A refresh replaced the row: select its successor without moving the view.
                table.getSelectionModel().select(now);
            }
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        keepSelectionThroughRelisting();
        table.setContextMenu(contextMenu());
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                details.focus();
                e.consume();
            }
        });
        SplitPane split = new SplitPane(table, details.root());
        split.setId("split");
        split.setDividerPositions(0.77);
        return split;
    }

    /** How many snapshots are shown of how many, whether a listing runs, each region's state, the last message. */
    private HBox statusBar() {
        Label counts = new Label();
        counts.setId("counts");
        counts.getStyleClass().add("counts");
        // The counts never shrink to an ellipsis; the region chips wrap instead.
        counts.setMinWidth(Region.USE_PREF_SIZE);
        counts.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                "browser.counts", viewModel.shownProperty().get(), viewModel.catalog().totalProperty().get()),
                viewModel.shownProperty(), viewModel.catalog().totalProperty()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(viewModel.catalog().loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        regionChips.setId("regionChips");
        HBox.setHgrow(regionChips, Priority.ALWAYS);
        Label message = new Label();
        message.setId("message");
        message.getStyleClass().add("status-message");
        message.textProperty().bind(viewModel.catalog().messageProperty());
        viewModel.catalog().regionStatuses().addListener((ListChangeListener<RegionStatus>) c -> chips());
        chips();
        HBox bar = new HBox(10, counts, busy, regionChips, message);
        bar.setId("statusBar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    /** Ctrl+F and F5 work wherever the focus is in the window, so they go to the scene once there is one. */
    private void shortcuts() {
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                        search::requestFocus);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), viewModel.catalog()::refresh);
            }
        });
    }

    /**
     * One check item per region; the choice is applied when the menu closes, so picking five regions lists once,
     * not five times.
     */
    private void regionsMenu() {
        Runnable build = () -> {
            regionsMenu.getItems().clear();
            MenuItem all = new MenuItem(messages.get("browser.regions.all"));
            all.setOnAction(e -> regionsMenu.getItems().stream().filter(i -> i instanceof CheckMenuItem)
                    .forEach(i -> ((CheckMenuItem) i).setSelected(true)));
            MenuItem none = new MenuItem(messages.get("browser.regions.none"));
            none.setOnAction(e -> regionsMenu.getItems().stream().filter(i -> i instanceof CheckMenuItem)
                    .forEach(i -> ((CheckMenuItem) i).setSelected(false)));
            regionsMenu.getItems().addAll(all, none, new SeparatorMenuItem());
            for (var region : viewModel.catalog().availableRegions()) {
                CheckMenuItem item = new CheckMenuItem(region.code());
                item.setUserData(region);
                item.setSelected(viewModel.catalog().regions().contains(region));
                regionsMenu.getItems().add(item);
            }
        };
        Runnable label = () -> regionsMenu.setText(
                messages.get("browser.regions", viewModel.catalog().regions().size()));
        viewModel.catalog().availableRegions().addListener((ListChangeListener<Object>) c -> build.run());
        viewModel.catalog().regions().addListener((ListChangeListener<Object>) c -> label.run());
        regionsMenu.setOnShowing(e -> build.run());
        regionsMenu.setOnHidden(e -> viewModel.catalog().chooseRegions(regionsMenu.getItems().stream()
                .filter(i -> i instanceof CheckMenuItem check && check.isSelected())
                .map(i -> (dev.snapferry.core.model.RegionRef) i.getUserData()).toList()));
        build.run();
        label.run();
    }

    /**
     * One check item per profile (and the demo); like the regions, the choice is applied when the menu closes. A
     * choice being opened shows as such until AWS answers.
     */
    private void accountsMenu() {
        Runnable build = () -> {
            accountsMenu.getItems().clear();
            java.util.Set<String> ids = new java.util.LinkedHashSet<>(viewModel.catalog().accounts().open());
            viewModel.catalog().accounts().choices().forEach(c -> ids.add(c.id()));
            for (String id : ids) {
                String detail = viewModel.catalog().accounts().choices().stream().filter(c -> c.id().equals(id))
                        .map(AccountChoice::detail).findFirst().orElse("");
                CheckMenuItem item = new CheckMenuItem(detail.isEmpty() ? viewModel.catalog().accounts().label(id)
                        : messages.get("browser.accounts.item", viewModel.catalog().accounts().label(id), detail));
                item.setUserData(id);
                item.setSelected(viewModel.catalog().accounts().open().contains(id)
                        || viewModel.catalog().accounts().opening().contains(id));
                item.setDisable(viewModel.catalog().accounts().opening().contains(id));
                accountsMenu.getItems().add(item);
            }
            if (ids.isEmpty()) {
                MenuItem none = new MenuItem(messages.get("browser.accounts.noProfiles"));
                none.setDisable(true);
                accountsMenu.getItems().add(none);
            }
            // A broken AWS file is said where its profiles would be.
            for (String problem : viewModel.catalog().accounts().fileProblems()) {
                MenuItem item = new MenuItem(problem);
                item.setDisable(true);
                item.getStyleClass().add("profile-file-problem");
                accountsMenu.getItems().add(item);
            }
        };
        Runnable label = () -> {
            List<String> open = List.copyOf(viewModel.catalog().accounts().open());
            accountsMenu.setText(open.size() == 1 ? viewModel.catalog().accounts().label(open.getFirst())
                    : messages.get("browser.accounts", open.size()));
        };
        viewModel.catalog().accounts().choices().addListener((ListChangeListener<Object>) c -> {
            if (accountsMenu.isShowing()) {
                // A menu being shown keeps its items; the new list is used next time it opens.
                return;
            }
            build.run();
        });
        viewModel.catalog().accounts().open().addListener((ListChangeListener<Object>) c -> label.run());
        accountsMenu.setOnShowing(e -> {
            build.run();
            viewModel.catalog().accounts().reloadChoices();
        });
        accountsMenu.setOnHidden(e -> viewModel.catalog().accounts().choose(accountsMenu.getItems().stream()
                .filter(i -> i instanceof CheckMenuItem check && check.isSelected())
                .map(i -> (String) i.getUserData()).toList()));
        accountsMenu.setVisible(viewModel.catalog().accounts().changeable());
        accountsMenu.setManaged(accountsMenu.isVisible());
        build.run();
        label.run();
        if (viewModel.catalog().accounts().changeable()) {
            viewModel.catalog().accounts().reloadChoices();
        }
    }

    /** Calls {@code changed} whenever the user reorders, hides, shows or resizes a column. */
    public void onColumnLayoutChange(Runnable changed) {
        table.getColumns().addListener((ListChangeListener<Object>) c -> changed.run());
        for (TableColumn<SnapshotRow, ?> column : table.getColumns()) {
            column.visibleProperty().addListener((obs, old, now) -> changed.run());
            column.widthProperty().addListener((obs, old, now) -> changed.run());
        }
    }

    /** The table's columns as the user arranged them: order, visibility, width. */
    public List<ColumnState> columnLayout() {
        return table.getColumns().stream().map(c -> new ColumnState(c.getId(), c.isVisible(), c.getWidth())).toList();
    }

    /** Restores an arrangement; columns it does not name keep their place after the named ones. */
    public void applyColumnLayout(List<ColumnState> layout) {
        List<TableColumn<SnapshotRow, ?>> ordered = new java.util.ArrayList<>();
        for (ColumnState state : layout) {
            table.getColumns().stream().filter(c -> c.getId() != null && c.getId().equals(state.id())).findFirst()
                    .ifPresent(c -> {
                        c.setVisible(state.visible());
                        if (state.width() > 10 && state.width() < 2_000) {
                            c.setPrefWidth(state.width());
                        }
                        ordered.add(c);
                    });
        }
        table.getColumns().stream().filter(c -> !ordered.contains(c)).forEach(ordered::add);
        table.getColumns().setAll(ordered);
    }

    /** The columns in their first order; the user's own order, widths and hidden ones are applied later. */
    private void columns() {
        TableColumn<SnapshotRow, Snapshot> engine = column("engineColumn",
                messages.get("browser.column.engine"), 185);
        BrowserCells.snapshot(engine, Comparator.comparing(s -> s.engine().name()), cells::engine);
        TableColumn<SnapshotRow, String> account = column("accountColumn",
                messages.get("browser.column.account"), 110);
        BrowserCells.text(account, Snapshot::ownerAccountId);
        TableColumn<SnapshotRow, String> region = column("regionColumn", messages.get("browser.column.region"), 110);
        BrowserCells.text(region, s -> s.region().code());
        TableColumn<SnapshotRow, String> identifier = column("identifierColumn",
                messages.get("browser.column.identifier"), 280);
        BrowserCells.identifier(identifier);
        TableColumn<SnapshotRow, String> cluster = column("clusterColumn",
                messages.get("browser.column.cluster"), 140);
        BrowserCells.text(cluster, Snapshot::clusterIdentifier);
        TableColumn<SnapshotRow, String> type = column("typeColumn", messages.get("browser.column.type"), 90);
        BrowserCells.text(type, s -> messages.get("browser.type." + s.type().name()));
        TableColumn<SnapshotRow, Snapshot> status = column("statusColumn",
                messages.get("browser.column.status"), 170);
        BrowserCells.snapshot(status, Comparator.comparing((Snapshot s) -> s.status().state())
                .thenComparing(s -> s.status().percent()), cells::status);
        TableColumn<SnapshotRow, Snapshot> created = column("createdColumn",
                messages.get("browser.column.created"), 200);
        BrowserCells.snapshot(created, Comparator.comparing(Snapshot::createTime,
                Comparator.nullsFirst(Comparator.naturalOrder())), cells::created);
        TableColumn<SnapshotRow, Snapshot> size = column("sizeColumn", messages.get("browser.column.size"), 80);
        // Only engines whose AllocatedStorage is the snapshot's size show one; the rest say it is unknown rather
        // than show Aurora's 0 or 1 GiB as if it were the data.
        BrowserCells.snapshot(size, Comparator.comparing(Snapshot::dataSizeGiB,
                Comparator.nullsFirst(Comparator.naturalOrder())), () -> new dev.snapferry.ui.common.SteadyCells.Cell<>() {
                    @Override
                    protected void updateItem(Snapshot s, boolean empty) {
                        super.updateItem(s, empty);
                        setText(empty || s == null ? null : s.dataSizeGiB() == null
                                ? messages.get("browser.size.unknown") : messages.get("browser.size", s.dataSizeGiB()));
                    }
                });
        TableColumn<SnapshotRow, Snapshot> encryption = column("encryptionColumn",
                messages.get("browser.column.encryption"), 210);
        BrowserCells.snapshot(encryption, Comparator.comparing((Snapshot s) -> s.storageEncrypted())
                .thenComparing(s -> String.valueOf(s.kmsKeyAlias())), cells::encryption);
        TableColumn<SnapshotRow, Snapshot> tags = column("tagsColumn", messages.get("browser.column.tags"), 320);
        BrowserCells.snapshot(tags, Comparator.comparing(s -> s.tags().size()), cells::tags);
        TableColumn<SnapshotRow, String> source = column("sourceColumn", messages.get("browser.column.source"), 260);
        BrowserCells.text(source, Snapshot::sourceSnapshotArn);
        // Only copies have a source, and its ARN is long: shown from the table's menu by those who want it.
        source.setVisible(false);
        table.getColumns().addAll(List.of(engine, account, region, identifier, cluster, type, status, created, size,
                encryption, tags, source));
    }

    /** The id is what a saved column layout names the column by (and what tests and CSS look it up by). */
    private static <T> TableColumn<SnapshotRow, T> column(String id, String text, double width) {
        TableColumn<SnapshotRow, T> column = new TableColumn<>(text);
        column.setId(id);
        column.setPrefWidth(width);
        return column;
    }

    /** Called with the selected snapshots when the user asks to copy them (the app opens the copy wizard). */
    public void onCopy(java.util.function.Consumer<List<Snapshot>> handler) {
        this.copyHandler = java.util.Objects.requireNonNull(handler, "handler");
    }

    /** The snapshots selected in the table, in table order. */
    public List<Snapshot> selectedSnapshots() {
        return table.getSelectionModel().getSelectedItems().stream().map(SnapshotRow::snapshot).toList();
    }

    private ContextMenu contextMenu() {
        MenuItem copy = new MenuItem(messages.get("copy.menu"));
        copy.setId("copySnapshots");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN));
        copy.disableProperty().bind(viewModel.selectedProperty().isNull());
        copy.setOnAction(e -> {
            List<Snapshot> chosen = selectedSnapshots();
            if (!chosen.isEmpty()) {
                copyHandler.accept(chosen);
            }
        });
        MenuItem copyArn = new MenuItem(messages.get("browser.details.copyArn"));
        copyArn.setOnAction(e -> copySelected(Snapshot::arn));
        MenuItem copyCli = new MenuItem(messages.get("browser.details.copyCli"));
        copyCli.setOnAction(e -> copySelected(viewModel::describeCommand));
        MenuItem create = new MenuItem(messages.get("browser.create.menu"));
        create.setId("createSnapshot");
        create.disableProperty().bind(viewModel.canCreateSnapshot().not());
        create.setOnAction(e -> viewModel.createSnapshotOfSelectedCluster());
        MenuItem cancel = new MenuItem(messages.get("browser.cancel.menu"));
        cancel.setId("cancelCopy");
        cancel.disableProperty().bind(viewModel.canCancelCopy().not());
        cancel.setOnAction(e -> viewModel.cancelSelectedCopy());
        MenuItem tags = new MenuItem(messages.get("browser.tags.menu"));
        tags.setId("editTags");
        tags.setAccelerator(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        tags.disableProperty().bind(viewModel.canEditTags().not());
        tags.setOnAction(e -> viewModel.editTagsOfSelected());
        MenuItem share = new MenuItem(messages.get("share.menu"));
        share.setId("shareSnapshot");
        share.disableProperty().bind(viewModel.canShare().not());
        share.setOnAction(e -> viewModel.shareSelected());
        MenuItem delete = new MenuItem(messages.get("browser.delete.menu"));
        delete.setId("deleteSnapshot");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.disableProperty().bind(viewModel.canDelete().not());
        delete.setOnAction(e -> viewModel.deleteSelected());
        ContextMenu menu = new ContextMenu(copy, new SeparatorMenuItem(), copyArn, copyCli,
                new SeparatorMenuItem(), tags, share, create, cancel,
                new SeparatorMenuItem(), delete);
        menu.setOnShown(e -> explainShare(menu));
        return menu;
    }

    /**
     * Gives the Share item a tooltip that says why it is disabled (or what it does). A MenuItem has no tooltip of
     * its own, but the row the menu draws for it carries the item's id and is never disabled itself (the menu only
     * styles it), so a tooltip installed on that row shows even while the item is disabled.
     */
    private void explainShare(ContextMenu menu) {
        if (menu.getSkin() == null || !(menu.getSkin().getNode().lookup("#shareSnapshot") instanceof Region row)
                || row.getProperties().containsKey(Tooltip.class)) {
            return;
        }
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(viewModel.shareHint());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(row, tip);
        row.getProperties().put(Tooltip.class, tip);
        row.accessibleHelpProperty().bind(viewModel.shareHint());
    }

    /**
     * The details pane's Share button. A disabled button shows no tooltip (disabled nodes are not picked), so the
     * reason it is disabled hangs on a wrapper around it, which is picked in its place.
     */
    private Region shareButton() {
        Button share = button("shareButton", messages.get("share.menu"), viewModel::shareSelected);
        share.disableProperty().bind(viewModel.canShare().not());
        share.accessibleHelpProperty().bind(viewModel.shareHint());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(viewModel.shareHint());
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        javafx.scene.layout.StackPane wrapper = new javafx.scene.layout.StackPane(share);
        wrapper.setPickOnBounds(true);
        wrapper.setId("shareButtonHolder");
        Tooltip.install(wrapper, tip);
        return wrapper;
    }

    private void copySelected(java.util.function.Function<Snapshot, String> text) {
        SnapshotRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(text.apply(row.snapshot()));
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /**
     * The status bar names only what needs attention: how many regions answered (each region's count in the
     * tooltip), the ones still loading, every failed one with its reason and a retry, and every part of a partial
     * region that failed (DocumentDB Elastic, say) with a retry of that part; a partial region is not "loaded".
     */
    private void chips() {
        regionChips.getChildren().clear();
        List<RegionStatus> all = List.copyOf(viewModel.catalog().regionStatuses());
        long loaded = all.stream().filter(s -> s.state() == RegionStatus.State.LOADED).count();
        long pending = all.stream().filter(s -> s.state() == RegionStatus.State.LOADING).count();
        String perRegion = all.stream().filter(s -> s.state() == RegionStatus.State.LOADED)
                .map(s -> messages.get("browser.region.loaded", s.account().accountId(), s.region().code(),
                        s.count()))
                .collect(java.util.stream.Collectors.joining("\n"));
        regionChips.getChildren().add(chip(messages.get("browser.regions.summary", loaded, all.size()),
                "region-loaded", perRegion.isEmpty() ? null : perRegion));
        if (pending > 0) {
            regionChips.getChildren().add(chip(messages.get("browser.regions.pending", pending), "region-loading",
                    null));
        }
        for (RegionStatus status : all) {
            String account = status.account().accountId();
            String region = status.region().code();
            switch (status.state()) {
                case LOADING, LOADED -> {
                    // summarised above
                }
                case FAILED -> {
                    Label chip = chip(messages.get("browser.region.failed", account, region), "region-failed",
                            status.problem());
                    Button retry = new Button(messages.get("browser.region.retry"));
                    retry.getStyleClass().add("region-retry");
                    retry.setAccessibleText(messages.get("browser.region.retry") + " " + account + " " + region);
                    retry.setOnAction(e -> viewModel.catalog().retry(status));
                    regionChips.getChildren().addAll(chip, retry);
                }
                case PARTIAL -> {
                    // Each failed part on its own, with a retry of that part alone: the rest of the region is there.
                    for (RegionStatus.Gap gap : status.gaps()) {
                        Label chip = chip(gap.summary(), "region-failed", gap.reason());
                        chip.getStyleClass().add("region-gap");
                        Button retry = new Button(messages.get("browser.region.retry"));
                        retry.getStyleClass().addAll("region-retry", "region-gap-retry");
                        retry.setAccessibleText(messages.get("browser.region.gap.retry", gap.summary()));
                        retry.setOnAction(e -> viewModel.catalog().retry(status, gap));
                        regionChips.getChildren().addAll(chip, retry);
                    }
                }
            }
        }
    }

    private static Label chip(String text, String style, @Nullable String tooltip) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll("region-chip", style);
        if (tooltip != null) {
            chip.setTooltip(new Tooltip(tooltip));
            chip.setAccessibleHelp(tooltip);
        }
        return chip;
    }

    private static MenuButton menuButton(String id, String text, MenuItem... items) {
        MenuButton menu = new MenuButton(text, null, items);
        menu.setId(id);
        return menu;
    }

    private static CheckMenuItem check(String id, String text, BooleanProperty selected) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.selectedProperty().bindBidirectional(selected);
        return item;
    }

    private static MenuItem item(String id, String text, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }
}
