package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.AgeReport;
import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.Cost;
import dev.snapferry.core.coverage.CoverageReport;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.common.Messages;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The Coverage tab: a header with the summary and the actions, then four parts: the clusters and their coverage,
 * the quotas and the age report with their cost, the retention clean-up, and the DR policy.
 */
public final class CoverageView {

    private final CoverageViewModel viewModel;
    private final Messages messages;
    private final CoverageTexts texts;
    private final BorderPane root = new BorderPane();
    private final TableView<ClusterCoverage> clusters = new TableView<>();

    public CoverageView(CoverageViewModel viewModel, DrPolicyEditor policy, RetentionViewModel retention,
                        PriceTableViewModel prices, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = viewModel.texts();
        root.setId("coverageRoot");
        root.getStyleClass().add("coverage");
        root.setTop(header());
        TabPane parts = new TabPane(
                part("coverageClustersTab", messages.get("coverage.sub.clusters"), clustersPart()),
                part("coverageCostTab", messages.get("coverage.sub.cost"), new CoverageCostPane(viewModel,
                        prices, messages).root()),
                part("coverageRetentionTab", messages.get("coverage.sub.retention"), new RetentionPane(retention,
                        messages).root()),
                part("coveragePolicyTab", messages.get("coverage.sub.policy"), new DrPolicyPane(policy,
                        viewModel.policyProperty(), messages).root()));
        parts.setId("coverageParts");
        parts.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        root.setCenter(parts);
    }

    public Parent root() {
        return root;
    }

    private Node header() {
        Label summary = new Label();
        summary.setId("coverageSummary");
        summary.getStyleClass().add("audit-summary");
        summary.textProperty().bind(viewModel.summaryProperty());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(viewModel.busyProperty());
        Button refresh = new Button(messages.get("coverage.refresh"));
        refresh.setId("coverageRefresh");
        refresh.setOnAction(e -> viewModel.refresh());
        Button copy = new Button(messages.get("coverage.copyNewest"));
        copy.setId("coverageCopy");
        copy.disableProperty().bind(Bindings.isEmpty(clusters.getSelectionModel().getSelectedItems()));
        copy.setOnAction(e -> viewModel.copyNewest(List.copyOf(clusters.getSelectionModel().getSelectedItems())));
        Button show = new Button(messages.get("coverage.showSnapshots"));
        show.setId("coverageShow");
        show.disableProperty().bind(Bindings.size(clusters.getSelectionModel().getSelectedItems()).isNotEqualTo(1));
        show.setOnAction(e -> viewModel.showCluster(clusters.getSelectionModel().getSelectedItem()));
        HBox spacer = new HBox();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, summary, busy, spacer, show, copy, refresh);
        bar.getStyleClass().add("audit-header");
        bar.setPadding(new Insets(8, 12, 8, 12));
        Label message = new Label();
        message.setId("coverageMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label problems = new Label();
        problems.setId("coverageProblems");
        problems.setWrapText(true);
        problems.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", viewModel.problems()),
                viewModel.problems()));
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        VBox top = new VBox(4, bar, message, problems);
        top.setPadding(new Insets(0, 12, 4, 12));
        return top;
    }

    private Node clustersPart() {
        clusters.setId("coverageTable");
        clusters.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        clusters.setItems(viewModel.clusters());
        clusters.getColumns().addAll(List.of(
                column(messages.get("coverage.col.account"), 120, c -> c.key().accountId()),
                column(messages.get("coverage.col.region"), 110, c -> c.key().region().code()),
                column(messages.get("coverage.col.engine"), 130, c -> c.key().engine().canonicalRawName()),
                column(messages.get("coverage.col.cluster"), 250, c -> c.key().identifier()
                        + (c.existence() == ClusterCoverage.Existence.EXISTS ? "" : " \u2014 "
                        + texts.existence(c.existence()))),
                column(messages.get("coverage.col.status"), 90, c -> texts.status(c.status())),
                column(messages.get("coverage.col.newestOwn"), 110, c -> age(c.newestOwn())),
                column(messages.get("coverage.col.regionCopy"), 190, c -> place(c.newestRegionCopy())),
                column(messages.get("coverage.col.accountCopy"), 190, c -> place(c.newestAccountCopy())),
                column(messages.get("coverage.col.why"), 280, texts::reasons),
                column(messages.get("coverage.col.cost"), 260, c -> texts.cost(viewModel.cost(c))),
                column(messages.get("coverage.col.findings"), 420, texts::findings)));
        VBox.setVgrow(clusters, Priority.ALWAYS);
        VBox box = new VBox(clusters);
        box.setPadding(new Insets(8));
        return box;
    }

    private String age(@Nullable Snapshot s) {
        CoverageReport report = viewModel.reportProperty().get();
        return report == null ? "" : texts.age(ClusterCoverage.age(s, report.now()));
    }

    private String place(@Nullable Snapshot s) {
        return s == null ? "" : age(s) + " (" + s.region().code() + ", " + s.ownerAccountId() + ")";
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> text) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> text(text.apply(c.getValue())));
        return column;
    }

    private static ObservableValue<String> text(String value) {
        return new ReadOnlyStringWrapper(value == null ? "" : value).getReadOnlyProperty();
    }

    private static Tab part(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /** A title for a section. */
    static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        label.setWrapText(true);
        return label;
    }

    /** A note under a title. */
    static Label note(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("audit-note");
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    /** A text field bound both ways to {@code value}. */
    static javafx.scene.control.TextField field(String id, javafx.beans.property.StringProperty value) {
        javafx.scene.control.TextField field = new javafx.scene.control.TextField();
        field.setId(id);
        field.setPrefColumnCount(14);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** The problem of a field, beside it: empty while there is none. */
    static Label problem(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    /** A button that runs {@code action}. */
    static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    static String cost(CoverageTexts texts, Cost cost) {
        return texts.cost(cost);
    }

    static String quota(CoverageTexts texts, Quota quota) {
        return texts.quota(quota);
    }

    static String band(CoverageTexts texts, AgeReport.Band band) {
        return texts.band(band);
    }
}
