package dev.snapferry.ui.jobs;

import dev.snapferry.core.model.CopyJob;
import dev.snapferry.core.model.JobState;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SteadyCells;
import java.util.Objects;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/** The copy jobs panel: a table of jobs with progress bars, cancel and retry, a filter and "clear finished". */
public final class JobsView {

    private final JobsViewModel viewModel;
    private final Messages messages;
    private final BorderPane root = new BorderPane();

    public JobsView(JobsViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        root.getStyleClass().add("jobs");

        ChoiceBox<JobsViewModel.Show> show = new ChoiceBox<>();
        show.setId("jobsShow");
        show.getItems().setAll(JobsViewModel.Show.values());
        show.setConverter(new StringConverter<>() {
            @Override
            public String toString(JobsViewModel.Show value) {
                return value == null ? "" : messages.get("jobs.show." + value.name());
            }

            @Override
            public JobsViewModel.Show fromString(String text) {
                throw new UnsupportedOperationException();
            }
        });
        show.valueProperty().bindBidirectional(viewModel.showProperty());
        show.setAccessibleText(messages.get("jobs.show.accessible"));
        Button clear = new Button(messages.get("jobs.clear"));
        clear.setId("jobsClear");
        clear.setOnAction(e -> viewModel.clearFinished());
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox bar = new HBox(10, show, problem, gap, clear);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 10, 6, 10));
        bar.getStyleClass().add("jobs-toolbar");
        root.setTop(bar);

        TableView<JobsViewModel.JobRow> table = new TableView<>(viewModel.jobs());
        table.setId("jobsTable");
        table.setAccessibleText(messages.get("jobs.tab"));
        table.setPlaceholder(new Label(messages.get("jobs.none")));
        // One row height for all rows (a button's, the tallest thing in a row): the table then never measures a
        // row. Without it, the table measures rows with a spare row of its own, which it empties and fills again
        // for each one, restyling all of its cells each time: most of the FX thread's time while copies run.
        table.setFixedCellSize(ROW_HEIGHT);
        table.getColumns().add(text("jobs.column.source", j -> j.request().source().identifier(), 240));
        table.getColumns().add(text("jobs.column.target", j -> j.request().targetIdentifier(), 240));
        table.getColumns().add(text("jobs.column.region", j -> j.request().source().region().code() + " \u2192 "
                + j.request().destinationRegion().code(), 190));
        table.getColumns().add(text("jobs.column.state", viewModel::stateText, 220));
        TableColumn<JobsViewModel.JobRow, CopyJob> progress = column("jobs.column.progress", 170);
        progress.setCellFactory(c -> new SteadyCells.Cell<>() {
            private final ProgressBar bar = new ProgressBar();
            // Queued by AWS has no percentage: a bar of its own, shown instead, as one bar switching between a
            // percentage and no percentage rebuilds its skin's parts each time (the longest tasks while polling).
            private final ProgressBar queued = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
            private final Label percent = new SteadyCells.SteadyLabel();
            private final HBox box = new HBox(6, new StackPane(bar, queued), percent);

            {
                bar.setPrefWidth(110);
                queued.setPrefWidth(110);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(CopyJob job, boolean empty) {
                super.updateItem(job, empty);
                if (empty || job == null) {
                    setGraphic(null);
                    return;
                }
                boolean waitingOnAws = job.state() == JobState.QUEUED_BY_AWS;
                queued.setVisible(waitingOnAws);
                bar.setVisible(!waitingOnAws);
                bar.setProgress(job.state() == JobState.WAITING || job.state() == JobState.SUBMITTING
                        || waitingOnAws ? 0 : job.percent() / 100.0);
                queued.setAccessibleText(messages.get("jobs.progress.accessible", job.request().targetIdentifier(),
                        job.percent()));
                bar.setAccessibleText(messages.get("jobs.progress.accessible", job.request().targetIdentifier(),
                        job.percent()));
                percent.setText(job.percent() + " %");
                setGraphic(box);
            }
        });
        table.getColumns().add(progress);
        table.getColumns().add(text("jobs.column.elapsed", viewModel::elapsed, 90));
        table.getColumns().add(text("jobs.column.eta", viewModel::eta, 90));
        TableColumn<JobsViewModel.JobRow, CopyJob> actions = column("jobs.column.actions", 170);
        actions.setCellFactory(c -> new SteadyCells.Cell<>() {
            private final Button cancel = new Button(messages.get("jobs.cancel"));
            private final Button retry = new Button(messages.get("jobs.retry"));
            private final HBox box = new HBox(6, cancel, retry);

            {
                cancel.getStyleClass().add("job-cancel");
                retry.getStyleClass().add("job-retry");
            }

            @Override
            protected void updateItem(CopyJob job, boolean empty) {
                super.updateItem(job, empty);
                if (empty || job == null) {
                    setGraphic(null);
                    return;
                }
                cancel.setVisible(viewModel.canCancel(job));
                cancel.setManaged(cancel.isVisible());
                cancel.setAccessibleText(messages.get("jobs.cancel") + " " + job.request().targetIdentifier());
                cancel.setOnAction(e -> viewModel.cancel(job));
                retry.setVisible(viewModel.canRetry(job));
                retry.setManaged(retry.isVisible());
                retry.setAccessibleText(messages.get("jobs.retry") + " " + job.request().targetIdentifier());
                retry.setOnAction(e -> viewModel.retry(job));
                setGraphic(box);
            }
        });
        table.getColumns().add(actions);
        root.setCenter(table);
    }

    /** The rows' height: a button's with the cell's padding, in the app's font size. */
    static final double ROW_HEIGHT = 32;

    public Parent root() {
        return root;
    }

    /** A column showing the row's job as it moves: its cells follow that row's job property only. */
    private TableColumn<JobsViewModel.JobRow, CopyJob> column(String key, double width) {
        TableColumn<JobsViewModel.JobRow, CopyJob> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setSortable(false);
        column.setCellValueFactory(c -> c.getValue().jobProperty());
        return column;
    }

    private TableColumn<JobsViewModel.JobRow, String> text(String key, Function<CopyJob, String> value,
                                                           double width) {
        TableColumn<JobsViewModel.JobRow, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellFactory(SteadyCells.text());
        column.setCellValueFactory(c -> javafx.beans.binding.Bindings.createStringBinding(
                () -> value.apply(c.getValue().job()), c.getValue().jobProperty()));
        return column;
    }
}
