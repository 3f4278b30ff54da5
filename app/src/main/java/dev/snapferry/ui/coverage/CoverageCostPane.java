package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.AgeReport;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.ui.common.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Quotas per account and region, the age report with its cost, and what the cost figures are (and are not). */
final class CoverageCostPane {

    private final VBox root = new VBox(8);

    CoverageCostPane(CoverageViewModel viewModel, PriceTableViewModel prices, Messages messages) {
        CoverageTexts texts = viewModel.texts();
        TableView<Quota> quotas = new TableView<>(viewModel.quotas());
        quotas.setId("quotaTable");
        quotas.setPrefHeight(180);
        quotas.getColumns().addAll(List.of(
                CoverageView.<Quota>column(messages.get("coverage.col.account"), 140, q -> q.location().accountId()),
                CoverageView.<Quota>column(messages.get("coverage.col.region"), 140,
                        q -> q.location().region().code()),
                CoverageView.<Quota>column(messages.get("coverage.col.quota"), 360, texts::quota)));
        quotas.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Quota item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("quota-near");
                if (!empty && item != null && item.near()) {
                    getStyleClass().add("quota-near");
                }
            }
        });
        TableView<AgeReport.Row> ages = new TableView<>(viewModel.ages());
        ages.setId("agesTable");
        ages.getColumns().addAll(List.of(
                CoverageView.<AgeReport.Row>column(messages.get("coverage.col.engine"), 140,
                        r -> r.engine().canonicalRawName()),
                CoverageView.<AgeReport.Row>column(messages.get("coverage.col.account"), 130, AgeReport.Row::accountId),
                CoverageView.<AgeReport.Row>column(messages.get("coverage.col.band"), 130, r -> texts.band(r.band())),
                CoverageView.<AgeReport.Row>column(messages.get("coverage.col.snapshots"), 90,
                        r -> String.valueOf(r.arns().size())),
                CoverageView.<AgeReport.Row>column(messages.get("coverage.col.cost"), 420,
                        r -> texts.cost(r.cost()))));
        ages.setRowFactory(t -> {
            TableRow<AgeReport.Row> row = new TableRow<>();
            row.getStyleClass().add("drill-down");
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getClickCount() == 1) {
                    viewModel.showAgeRow(row.getItem());
                }
            });
            return row;
        });
        VBox.setVgrow(ages, Priority.ALWAYS);
        Label note = CoverageView.note("");
        note.setId("costNote");
        note.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> messages.get(
                "coverage.cost.note", viewModel.pricesProperty().get().source(),
                viewModel.pricesProperty().get().asOf(), viewModel.pricesProperty().get().provenance()),
                viewModel.pricesProperty()));
        root.getChildren().addAll(CoverageView.title(messages.get("coverage.quota.title")),
                CoverageView.note(messages.get("coverage.quota.hint")), quotas,
                CoverageView.title(messages.get("coverage.ages.title")), ages, priceTable(prices, messages), note);
        root.setPadding(new Insets(8, 12, 12, 12));
    }

    /** Which price table is in use, the choice of another, and why a table chosen was refused. */
    private static Node priceTable(PriceTableViewModel prices, Messages messages) {
        Label inUse = new Label();
        inUse.setId("priceTableInUse");
        inUse.textProperty().bind(prices.inUseProperty());
        Button choose = new Button(messages.get("coverage.prices.choose"));
        choose.setId("choosePriceTable");
        choose.setOnAction(e -> prices.choose());
        Button bundled = new Button(messages.get("coverage.prices.useBundled"));
        bundled.setId("useBundledPrices");
        bundled.setOnAction(e -> prices.useBundled());
        bundled.disableProperty().bind(prices.usingOwnProperty().not().or(prices.busyProperty()));
        choose.disableProperty().bind(prices.busyProperty());
        HBox row = new HBox(8, inUse, choose, bundled);
        row.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("priceTableProblem");
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(prices.messageProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return new VBox(4, row, problem);
    }

    Parent root() {
        return root;
    }
}
