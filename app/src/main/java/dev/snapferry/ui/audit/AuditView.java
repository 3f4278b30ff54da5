package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.export.AuditExport;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Audit tab: charts of encryption, KMS keys, tag compliance and sharing, whose bars and slices open the
 * browser on exactly their snapshots; the table of findings with the fixes; and the result of the last fix. The
 * charts draw the ViewModel's {@link AuditCharts} as they are: what a bar holds and says is decided there.
 */
public final class AuditView {

    private final AuditViewModel viewModel;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final StackedBarChart<String, Number> byEngine = stacked("auditEncryptionByEngine");
    private final StackedBarChart<String, Number> byRegion = stacked("auditEncryptionByRegion");
    private final StackedBarChart<String, Number> compliance = stacked("auditCompliance");
    private final StackedBarChart<Number, String> keys = keyChart();
    private final javafx.scene.chart.BarChart<Number, String> sharing = sharingChart();
    private final TableView<Audit.Finding> table = new TableView<>();

    public AuditView(AuditViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        root.getStyleClass().add("audit");
        root.setTop(header());
        SplitPane split = new SplitPane(charts(), findings());
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        root.setCenter(split);
        root.setBottom(footer());
        viewModel.chartsProperty().addListener((obs, old, now) -> show(now));
        show(viewModel.chartsProperty().get());
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label summary = new Label();
        summary.setId("auditSummary");
        summary.getStyleClass().add("audit-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        summary.setWrapText(true);
        Button policy = new Button(messages.get("audit.policy"));
        policy.setId("auditPolicy");
        policy.setOnAction(e -> viewModel.editPolicy());
        Button recheck = new Button(messages.get("audit.sharing.again"));
        recheck.setId("auditRecheck");
        recheck.setOnAction(e -> viewModel.checkSharingAgain());
        recheck.disableProperty().bind(viewModel.busyProperty());
        MenuButton export = new MenuButton(messages.get("audit.export"));
        export.setId("auditExport");
        for (AuditExport.Format format : AuditExport.Format.values()) {
            MenuItem item = new MenuItem(messages.get("audit.export." + format.name()));
            item.setOnAction(e -> viewModel.export(format));
            export.getItems().add(item);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(summary, Priority.SOMETIMES);
        HBox bar = new HBox(10, summary, gap, policy, recheck, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 10, 8, 10));
        bar.getStyleClass().add("audit-header");
        return bar;
    }

    private Node charts() {
        ChoiceBox<AuditViewModel.Grouping> grouping = new ChoiceBox<>();
        grouping.setId("auditGrouping");
        grouping.getItems().setAll(AuditViewModel.Grouping.values());
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditViewModel.Grouping g) {
                return g == null ? "" : messages.get("audit.grouping." + g.name());
            }

            @Override
            public AuditViewModel.Grouping fromString(String text) {
                return AuditViewModel.Grouping.valueOf(text);
            }
        });
        grouping.setAccessibleText(messages.get("audit.grouping.accessible"));
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        grid.setPadding(new Insets(10));
        grid.add(titled(messages.get("audit.chart.encryptionByEngine"), byEngine), 0, 0);
        grid.add(titled(messages.get("audit.chart.encryptionByRegion"), byRegion), 1, 0);
        grid.add(titled(messages.get("audit.chart.keys"), keys), 2, 0, 1, 2);
        HBox complianceTitle = new HBox(8, title(messages.get("audit.chart.compliance")), grouping);
        complianceTitle.setAlignment(Pos.CENTER_LEFT);
        grid.add(new VBox(4, complianceTitle, compliance), 0, 1);
        grid.add(titled(messages.get("audit.chart.sharing"), sharing), 1, 1);
        Label note = new Label(messages.get("audit.encryption.note"));
        note.setId("auditEncryptionNote");
        note.setWrapText(true);
        note.getStyleClass().add("audit-note");
        grid.add(note, 0, 2, 3, 1);
        for (int i = 0; i < 3; i++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / 3);
            grid.getColumnConstraints().add(column);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private Node findings() {
        table.setId("auditFindings");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setItems(viewModel.findings());
        table.setPlaceholder(new Label(messages.get("audit.findings.none")));
        table.setAccessibleText(messages.get("audit.findings"));
        table.getColumns().add(column("audit.column.account", 120, f -> f.snapshot().accountId()));
        table.getColumns().add(column("audit.column.region", 110, f -> f.snapshot().region().code()));
        table.getColumns().add(column("audit.column.engine", 150,
                f -> viewModel.label(f.snapshot().engine().family().name())));
        table.getColumns().add(column("audit.column.snapshot", 300, f -> f.snapshot().identifier()));
        table.getColumns().add(column("audit.column.problems", 360, Audit.Finding::describe));
        table.getColumns().add(column("audit.column.key", 200, f -> !f.snapshot().storageEncrypted()
                ? messages.get("audit.category.UNENCRYPTED")
                : f.snapshot().isUnknown(Snapshot.Detail.KMS_KEY) ? messages.get("browser.unknown")
                : f.snapshot().kmsKeyAlias() != null ? f.snapshot().kmsKeyAlias()
                : String.valueOf(f.snapshot().kmsKeyId())));
        table.getColumns().add(column("audit.column.sharing", 130, f -> viewModel.label(f.sharing().name())));
        // The ViewModel owns the selection: it keeps it through a new audit, and the table follows.
        boolean[] following = {false};
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<Audit.Finding>) c -> {
            if (!following[0]) {
                viewModel.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(java.util.Objects::nonNull).toList());
            }
        });
        viewModel.selection().addListener((ListChangeListener<Audit.Finding>) c -> {
            if (new java.util.HashSet<>(table.getSelectionModel().getSelectedItems())
                    .equals(new java.util.HashSet<>(viewModel.selection()))) {
                return;
            }
            java.util.Map<Audit.Finding, Integer> rowOf = new java.util.HashMap<>();
            for (int i = 0; i < table.getItems().size(); i++) {
                rowOf.putIfAbsent(table.getItems().get(i), i);
            }
            int[] rows = viewModel.selection().stream().map(rowOf::get).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            following[0] = true;
            try {
                table.getSelectionModel().clearSelection();
                if (rows.length > 0) {
                    table.getSelectionModel().selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1,
                            rows.length));
                }
            } finally {
                following[0] = false;
            }
        });
        Label title = title(messages.get("audit.findings"));
        Button show = button("auditShow", "audit.show", viewModel::showFindingsInBrowser);
        Button fix = button("auditFixTags", "audit.fixTags", viewModel::fixTags);
        Button remove = button("auditRemoveTags", "audit.removeTags", viewModel::removeTagKeys);
        Button makePrivate = button("auditMakePrivate", "audit.private", viewModel::makePrivate);
        javafx.beans.binding.BooleanBinding none = javafx.beans.binding.Bindings.isEmpty(viewModel.selection());
        fix.disableProperty().bind(none.or(viewModel.busyProperty()));
        remove.disableProperty().bind(none.or(viewModel.busyProperty()));
        makePrivate.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.selection().stream().noneMatch(Audit.Finding::isPublic), viewModel.selection())
                .or(viewModel.busyProperty()));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, title, gap, show, fix, remove, makePrivate);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, actions, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(6, 10, 6, 10));
        return box;
    }

    private Node footer() {
        ProgressBar progress = new ProgressBar();
        progress.setId("auditProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        progress.setPrefWidth(160);
        Label message = new Label();
        message.setId("auditMessage");
        message.textProperty().bind(viewModel.messageProperty());
        message.setWrapText(true);
        ListView<AuditViewModel.FixResult> results = new ListView<>(viewModel.results());
        results.setId("auditResults");
        results.setPrefHeight(90);
        results.setAccessibleText(messages.get("audit.results"));
        results.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(AuditViewModel.FixResult item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get(item.done() ? "audit.result.done"
                        : "audit.result.failed", item.identifier(), item.region(), item.text()));
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"),
                        item != null && !empty && !item.done());
            }
        });
        results.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.results()));
        results.managedProperty().bind(results.visibleProperty());
        HBox line = new HBox(10, progress, message);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, line, results);
        box.setPadding(new Insets(4, 10, 6, 10));
        box.getStyleClass().add("status-bar");
        return box;
    }

    private void show(AuditCharts charts) {
        stack(byEngine, charts.encryptionByEngine());
        stack(byRegion, charts.encryptionByRegion());
        stack(compliance, charts.compliance());
        showKeys(charts.keys());
        showSharing(charts.sharing());
    }

    /** One horizontal bar per key, most used at the top, a colour for each kind of key. */
    private void showKeys(AuditCharts.Keys chart) {
        List<Runnable> wiring = new ArrayList<>();
        XYChart.Series<Number, String> customer = horizontal(chart.customerManaged(), wiring);
        XYChart.Series<Number, String> managed = horizontal(chart.awsManaged(), wiring);
        ((CategoryAxis) keys.getYAxis()).getCategories().setAll(chart.categories());
        keys.getData().setAll(List.of(customer, managed));
        keys.setPrefHeight(Math.max(200, 60 + 22 * chart.categories().size()));
        wiring.forEach(Runnable::run);
    }

    private void showSharing(AuditCharts.Sharing chart) {
        XYChart.Series<Number, String> kinds = new XYChart.Series<>();
        List<Runnable> wiring = new ArrayList<>();
        for (AuditCharts.SharingBar bar : chart.bars()) {
            XYChart.Data<Number, String> data = new XYChart.Data<>(bar.bar().count(), bar.bar().category());
            kinds.getData().add(data);
            wiring.add(() -> {
                data.getNode().getStyleClass().add("sharing-" + bar.kind().name().toLowerCase(Locale.ROOT));
                clickable(data.getNode(), bar.bar());
            });
        }
        ((CategoryAxis) sharing.getYAxis()).getCategories().setAll(chart.categories());
        sharing.getData().setAll(List.of(kinds));
        wiring.forEach(Runnable::run);
    }

    /** The bars of a horizontal chart; their nodes exist only once the series is in the chart, hence the wiring. */
    private XYChart.Series<Number, String> horizontal(AuditCharts.Series bars, List<Runnable> wiring) {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        series.setName(bars.name());
        for (AuditCharts.Bar bar : bars.bars()) {
            XYChart.Data<Number, String> data = new XYChart.Data<>(bar.count(), bar.category());
            series.getData().add(data);
            wiring.add(() -> clickable(data.getNode(), bar));
        }
        return series;
    }

    /** One bar per group, stacked by category; a click on a piece opens the browser on its snapshots. */
    private void stack(StackedBarChart<String, Number> chart, AuditCharts.Stacked stacked) {
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(stacked.groups());
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        List<Runnable> wiring = new ArrayList<>();
        for (AuditCharts.Series one : stacked.series()) {
            XYChart.Series<String, Number> drawn = new XYChart.Series<>();
            drawn.setName(one.name());
            for (AuditCharts.Bar bar : one.bars()) {
                XYChart.Data<String, Number> data = new XYChart.Data<>(bar.category(), bar.count());
                drawn.getData().add(data);
                wiring.add(() -> clickable(data.getNode(), bar));
            }
            series.add(drawn);
        }
        chart.getData().setAll(series);
        wiring.forEach(Runnable::run);
    }

    private void clickable(Node node, AuditCharts.Bar bar) {
        if (node == null) {
            return;
        }
        node.getStyleClass().add("drill-down");
        Tooltip.install(node, new Tooltip(bar.tooltip()));
        if (!node.accessibleTextProperty().isBound()) {
            // Charts name their bars and slices for screen readers themselves; other nodes get the drill's words.
            node.setAccessibleText(bar.text());
        }
        node.setOnMouseClicked(e -> viewModel.drillDown(bar.drill(), bar.ids()));
    }

    private static StackedBarChart<String, Number> stacked(String id) {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(whole());
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setPrefHeight(210);
        chart.setMinHeight(180);
        chart.setLegendSide(javafx.geometry.Side.BOTTOM);
        return chart;
    }

    private static StackedBarChart<Number, String> keyChart() {
        NumberAxis x = new NumberAxis();
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(whole());
        StackedBarChart<Number, String> chart = new StackedBarChart<>(x, new CategoryAxis());
        chart.setId("auditKeys");
        chart.setAnimated(false);
        chart.setMinHeight(180);
        chart.setLegendSide(javafx.geometry.Side.BOTTOM);
        return chart;
    }

    /** Tick labels for counts: whole numbers only. */
    private static StringConverter<Number> whole() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text);
            }
        };
    }

    private static javafx.scene.chart.BarChart<Number, String> sharingChart() {
        NumberAxis x = new NumberAxis();
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(whole());
        javafx.scene.chart.BarChart<Number, String> chart = new javafx.scene.chart.BarChart<>(x, new CategoryAxis());
        chart.setId("auditSharing");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(6);
        chart.setPrefHeight(210);
        chart.setMinHeight(180);
        return chart;
    }

    private static Node titled(String text, Node chart) {
        return new VBox(4, title(text), chart);
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(messages.get(key));
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private TableColumn<Audit.Finding, String> column(String key, double width,
                                                      java.util.function.Function<Audit.Finding, String> value) {
        TableColumn<Audit.Finding, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }
}
