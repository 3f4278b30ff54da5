package dev.snapferry.ui.tags;

import dev.snapferry.ui.common.Messages;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * Edits tags one row at a time: a key field, a value field and a remove button per tag, each field's problem
 * right under it as the user types, and an "Add tag" button. Every control is reachable by Tab and named for
 * screen readers.
 */
public final class TagEditorView {

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private final TagEditorViewModel viewModel;
    private final Messages messages;
    private final GridPane grid = new GridPane();
    private final VBox root;
    private @Nullable TextField lastKey;

    public TagEditorView(TagEditorViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        grid.setHgap(8);
        grid.setVgap(2);
        grid.getStyleClass().add("tag-grid");
        ColumnConstraints key = new ColumnConstraints(160, 220, Double.MAX_VALUE);
        key.setHgrow(Priority.ALWAYS);
        ColumnConstraints value = new ColumnConstraints(160, 260, Double.MAX_VALUE);
        value.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(key, value, new ColumnConstraints());
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(260);
        scroll.getStyleClass().add("tag-scroll");
        Button add = new Button(messages.get(viewModel.labels() + ".add"));
        add.setId("addTag");
        add.setOnAction(e -> {
            viewModel.add();
            focusLastKey();
        });
        Label setProblem = new Label();
        setProblem.setId("tagSetProblem");
        setProblem.getStyleClass().add("field-problem");
        setProblem.textProperty().bind(viewModel.setProblemProperty());
        setProblem.visibleProperty().bind(setProblem.textProperty().isEmpty().not());
        setProblem.managedProperty().bind(setProblem.visibleProperty());
        Label empty = new Label(messages.get(viewModel.labels() + ".none"));
        empty.visibleProperty().bind(Bindings.isEmpty(viewModel.rows()));
        empty.managedProperty().bind(empty.visibleProperty());
        root = new VBox(8, scroll, empty, setProblem, add);
        root.getStyleClass().add("tag-editor");
        viewModel.rows().addListener((ListChangeListener<TagEditorViewModel.Row>) c -> {
            boolean structural = false;
            while (c.next()) {
                structural |= c.wasAdded() || c.wasRemoved() || c.wasPermutated();
            }
            if (structural) {
                rebuild();
            }
        });
        rebuild();
    }

    public Parent root() {
        return root;
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.add(header(messages.get(viewModel.labels() + ".key")), 0, 0);
        grid.add(header(messages.get(viewModel.labels() + ".value")), 1, 0);
        int line = 1;
        int number = 1;
        for (TagEditorViewModel.Row row : viewModel.rows()) {
            TextField key = field(row.keyProperty(), messages.get(viewModel.labels() + ".key.accessible", number));
            key.getStyleClass().add("tag-key");
            TextField value = field(row.valueProperty(),
                    messages.get(viewModel.labels() + ".value.accessible", number));
            value.getStyleClass().add("tag-value");
            Button remove = new Button("\u2715");
            remove.getStyleClass().add("tag-remove");
            remove.setAccessibleText(messages.get(viewModel.labels() + ".remove.accessible", number));
            remove.setOnAction(e -> viewModel.remove(row));
            grid.addRow(line++, key, value, remove);
            grid.addRow(line++, problem(row.keyProblemProperty(), key), problem(row.valueProblemProperty(), value));
            lastKey = key;
            number++;
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("tag-header");
        return label;
    }

    private static TextField field(javafx.beans.property.StringProperty property, String accessible) {
        TextField field = new TextField();
        field.textProperty().bindBidirectional(property);
        field.setAccessibleText(accessible);
        return field;
    }

    private static Label problem(javafx.beans.property.ReadOnlyStringProperty text, TextField field) {
        Label label = new Label();
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isEmpty().not());
        label.managedProperty().bind(label.visibleProperty());
        field.pseudoClassStateChanged(INVALID, !text.get().isEmpty());
        text.addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        field.accessibleHelpProperty().bind(text);
        return label;
    }

    private void focusLastKey() {
        Platform.runLater(() -> {
            TextField key = lastKey;
            if (key != null) {
                key.requestFocus();
            }
        });
    }
}
