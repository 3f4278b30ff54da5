package dev.snapferry.ui.share;

import dev.snapferry.ui.common.Messages;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The share dialog's content: the accounts a snapshot is shared with (each with a remove button), a field to add
 * an account id with its problem right under it as the user types, the open accounts offered by name, and public
 * or private. Every control is reachable by Tab and named for screen readers.
 */
final class ShareView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final ShareViewModel viewModel;
    private final Messages messages;
    private final TextField input = new TextField();
    private final VBox root;

    ShareView(ShareViewModel viewModel, Messages messages) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        Label message = new Label(viewModel.message());
        message.setWrapText(true);
        // A wrapped label in a dialog is otherwise given one line and cut with an ellipsis.
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label warning = shownWhenSet(new Label(), viewModel.warning(), "shareWarning", "field-warning");
        Label keyWarning = new Label();
        keyWarning.setId("shareKeyWarning");
        keyWarning.setWrapText(true);
        keyWarning.setMinHeight(Region.USE_PREF_SIZE);
        keyWarning.getStyleClass().add("field-warning");
        keyWarning.textProperty().bind(viewModel.keyWarningProperty());
        keyWarning.visibleProperty().bind(viewModel.keyWarningProperty().isNotEmpty());
        keyWarning.managedProperty().bind(keyWarning.visibleProperty());
        ProgressIndicator reading = new ProgressIndicator();
        reading.setPrefSize(16, 16);
        reading.visibleProperty().bind(viewModel.stateProperty().isEqualTo(ShareViewModel.State.LOADING));
        reading.managedProperty().bind(reading.visibleProperty());
        Label status = new Label();
        status.setId("shareStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        status.getStyleClass().add("section-hint");
        HBox statusRow = new HBox(8, reading, status);
        statusRow.visibleProperty().bind(viewModel.statusProperty().isEmpty().not());
        statusRow.managedProperty().bind(statusRow.visibleProperty());
        root = new VBox(8, message, warning, keyWarning, statusRow, sectionLabel(messages.get("share.accounts")), accountList(),
                sectionLabel(messages.get("share.add.title")), addRow(),
                problem(viewModel.accountProblemProperty(), "shareAccountProblem"),
                suggestionRow(), new Separator(), publicBox());
        root.getStyleClass().add("share-dialog");
        root.setPrefWidth(560);
    }

    Parent root() {
        return root;
    }

    /** Where the keyboard starts: the field an account id is typed into. */
    void focus() {
        input.requestFocus();
    }

    private ListView<String> accountList() {
        ListView<String> list = new ListView<>(viewModel.accounts());
        list.setId("shareAccounts");
        list.setPrefHeight(140);
        list.setAccessibleText(messages.get("share.accounts"));
        list.setPlaceholder(new Label(messages.get("share.accounts.none")));
        list.setCellFactory(view -> new AccountCell());
        return list;
    }

    /** One account: its name and id, and the button that stops sharing with it. */
    private final class AccountCell extends ListCell<String> {

        private final Label name = new Label();
        private final Button remove = new Button("\u2715");
        private final HBox row;

        AccountCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            remove.getStyleClass().add("share-remove");
            row = new HBox(8, name, gap, remove);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(@Nullable String account, boolean empty) {
            super.updateItem(account, empty);
            setText(null);
            if (empty || account == null) {
                setGraphic(null);
                return;
            }
            String label = viewModel.label(account);
            name.setText(label);
            remove.setAccessibleText(messages.get("share.remove.accessible", label));
            remove.setTooltip(new Tooltip(messages.get("share.remove.accessible", label)));
            remove.setOnAction(e -> viewModel.remove(account));
            setGraphic(row);
        }
    }

    private HBox addRow() {
        input.setId("shareAccountInput");
        input.setPromptText(messages.get("share.add.prompt"));
        input.setAccessibleText(messages.get("share.add.title"));
        input.setPrefColumnCount(16);
        input.textProperty().bindBidirectional(viewModel.accountInputProperty());
        input.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(ShareViewModel.State.READY));
        // Marked invalid while the ViewModel finds a problem in what is typed; screen readers hear the problem.
        input.accessibleHelpProperty().bind(viewModel.accountProblemProperty());
        viewModel.accountProblemProperty().addListener((obs, old, now) ->
                input.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        HBox.setHgrow(input, Priority.ALWAYS);
        // Enter adds what is typed; with nothing typed it is left to the dialog, whose default button saves.
        input.setOnAction(e -> {
            if (!input.getText().isBlank()) {
                viewModel.add();
                e.consume();
            }
        });
        Button add = new Button(messages.get("share.add"));
        add.setId("shareAdd");
        add.disableProperty().bind(viewModel.canAddProperty().not());
        add.setOnAction(e -> {
            viewModel.add();
            input.requestFocus();
        });
        return new HBox(8, input, add);
    }

    /** The open accounts not listed yet, by profile name and id: picking one puts its id into the field. */
    private HBox suggestionRow() {
        ComboBox<ShareViewModel.Suggestion> open = new ComboBox<>(viewModel.suggestions());
        open.setId("shareSuggestions");
        open.setPromptText(messages.get("share.suggestions.prompt"));
        open.setAccessibleText(messages.get("share.suggestions"));
        open.disableProperty().bind(viewModel.stateProperty().isNotEqualTo(ShareViewModel.State.READY)
                .or(Bindings.isEmpty(viewModel.suggestions())));
        open.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.suggest(chosen);
                // Cleared after this change is handled, so the same account can be picked again.
                javafx.application.Platform.runLater(() -> open.getSelectionModel().clearSelection());
                input.requestFocus();
            }
        });
        Label label = new Label(messages.get("share.suggestions"));
        label.setLabelFor(open);
        HBox row = new HBox(8, label, open);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private VBox publicBox() {
        CheckBox publicBox = new CheckBox(messages.get("share.public"));
        publicBox.setId("sharePublic");
        publicBox.selectedProperty().bindBidirectional(viewModel.publicProperty());
        publicBox.disableProperty().bind(viewModel.publicAllowedProperty().not());
        Label refusal = shownWhenSet(new Label(), viewModel.publicRefusal(), "sharePublicRefusal", "field-problem");
        if (!viewModel.publicRefusal().isEmpty()) {
            publicBox.setAccessibleHelp(viewModel.publicRefusal());
        }
        Label caution = new Label(messages.get("share.public.caution"));
        caution.setId("sharePublicCaution");
        caution.setWrapText(true);
        caution.setMinHeight(Region.USE_PREF_SIZE);
        caution.getStyleClass().add("field-warning");
        caution.visibleProperty().bind(viewModel.publicProperty().and(viewModel.publicAllowedProperty()));
        caution.managedProperty().bind(caution.visibleProperty());
        return new VBox(4, publicBox, refusal, caution,
                problem(viewModel.publicProblemProperty(), "sharePublicProblem"));
    }

    private static Label sectionLabel(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-label");
        return label;
    }

    private static Label shownWhenSet(Label label, String text, String id, String style) {
        label.setText(text);
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.getStyleClass().add(style);
        label.setVisible(!text.isEmpty());
        label.setManaged(!text.isEmpty());
        return label;
    }

    /** A problem under its field, shown while there is one. */
    private static Label problem(ObservableStringValue text, String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }
}
