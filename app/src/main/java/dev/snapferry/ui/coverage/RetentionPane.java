package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.Deletion;
import dev.snapferry.core.coverage.RetentionPlan;
import dev.snapferry.core.export.CoverageExport;
import dev.snapferry.ui.common.FieldDecorations;
import dev.snapferry.ui.common.Messages;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The retention policy's fields, the dry run with its proof, the delete button, the results and the exports. */
final class RetentionPane {

    private final VBox root = new VBox(8);

    RetentionPane(RetentionViewModel viewModel, Messages messages) {
        FieldDecorations decorations = new FieldDecorations();
        TextField newest = CoverageView.field("retentionKeepNewest", viewModel.keepNewestProperty());
        TextField days = CoverageView.field("retentionKeepDays", viewModel.keepDaysProperty());
        TextField tags = CoverageView.field("retentionKeepTags", viewModel.keepTagsProperty());
        decorations.decorate(newest, viewModel.keepNewestProblemProperty());
        decorations.decorate(days, viewModel.keepDaysProblemProperty());
        Label newestProblem = CoverageView.problem(viewModel.keepNewestProblemProperty());
        Label daysProblem = CoverageView.problem(viewModel.keepDaysProblemProperty());
        GridPane form = new GridPane(12, 6);
        form.addRow(0, new Label(messages.get("coverage.retention.keepNewest")), newest, newestProblem);
        form.addRow(1, new Label(messages.get("coverage.retention.keepDays")), days, daysProblem);
        form.addRow(2, new Label(messages.get("coverage.retention.keepTags")), tags);
        Button dryRun = new Button(messages.get("coverage.retention.dryRun"));
        dryRun.setId("retentionDryRun");
        dryRun.setDefaultButton(true);
        dryRun.disableProperty().bind(viewModel.canDryRun().not());
        dryRun.setOnAction(e -> viewModel.dryRun());
        Button delete = new Button(messages.get("coverage.retention.delete"));
        delete.setId("retentionDelete");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(viewModel.canDelete().not());
        delete.setOnAction(e -> viewModel.delete());
        Button stop = new Button(messages.get("coverage.retention.stop"));
        stop.setId("retentionStop");
        stop.setTooltip(new javafx.scene.control.Tooltip(messages.get("coverage.retention.stop.tooltip")));
        stop.disableProperty().bind(viewModel.canStop().not());
        stop.setOnAction(e -> viewModel.stop());
        Button csv = CoverageView.button("retentionExportCsv", messages.get("coverage.export.csv"),
                () -> viewModel.export(CoverageExport.Format.CSV, false));
        Button json = CoverageView.button("retentionExportJson", messages.get("coverage.export.json"),
                () -> viewModel.export(CoverageExport.Format.JSON, false));
        Button results = CoverageView.button("retentionExportResults", messages.get("coverage.export.resultsCsv"),
                () -> viewModel.export(CoverageExport.Format.CSV, true));
        HBox actions = new HBox(8, dryRun, delete, stop, csv, json, results);
        Label summary = bound("retentionSummary", viewModel.summaryProperty());
        Label proof = bound("retentionProof", viewModel.proofProperty());
        proof.getStyleClass().add("section-label");
        Label status = bound("retentionStatus", viewModel.statusProperty());
        TableView<RetentionPlan.Decision> plan = new TableView<>(viewModel.deletions());
        plan.setId("retentionPlanTable");
        plan.getColumns().addAll(List.of(
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.cluster"), 180,
                        d -> d.cluster() == null ? "" : d.cluster().identifier()),
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.account"), 120,
                        d -> d.snapshot().ownerAccountId()),
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.region"), 110,
                        d -> d.snapshot().region().code()),
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.identifier"), 300,
                        d -> d.snapshot().identifier()),
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.created"), 170,
                        d -> String.valueOf(d.snapshot().createTime())),
                CoverageView.<RetentionPlan.Decision>column(messages.get("coverage.col.size"), 80,
                        d -> d.snapshot().dataSizeGiB() == null ? "?" : d.snapshot().dataSizeGiB() + " GiB")));
        VBox.setVgrow(plan, Priority.ALWAYS);
        ListView<Deletion> lines = new ListView<>(viewModel.results());
        lines.setId("retentionResults");
        lines.setPrefHeight(140);
        lines.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Deletion item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.resultLine(item));
            }
        });
        root.getChildren().addAll(CoverageView.title(messages.get("coverage.retention.title")),
                CoverageView.note(messages.get("coverage.retention.hint")), form, actions, summary, proof, plan,
                status, lines);
        root.setPadding(new Insets(8, 12, 12, 12));
    }

    Parent root() {
        return root;
    }

    private static Label bound(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
