package dev.snapferry.ui.browser;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import dev.snapferry.ui.common.Messages;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jspecify.annotations.Nullable;

/**
 * The selected snapshot in full: every attribute (selectable, to copy from), its tags as a table, its ARN and the
 * AWS CLI command that describes it, each with a button that copies it to the clipboard, and the actions the browser
 * places beside those buttons (Share).
 */
final class SnapshotDetailsPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz");

    private final Messages messages;
    private final Function<Snapshot, String> cliCommand;
    private final VBox content = new VBox(8);
    private final Label empty;
    private final GridPane grid = new GridPane();
    private final TableView<Tag> tags = new TableView<>();
    private final TextArea cli = new TextArea();
    private final Button copyArn;
    private final Button copyCli;
    private final javafx.scene.Node[] actions;
    private final ScrollPane root;
    private @Nullable Snapshot shown;

    /** @param actions what the user can do to the snapshot shown, placed after the copy buttons */
    SnapshotDetailsPane(Messages messages, Function<Snapshot, String> cliCommand, javafx.scene.Node... actions) {
        this.messages = messages;
        this.cliCommand = cliCommand;
        this.actions = actions.clone();
        empty = new Label(messages.get("browser.details.empty"));
        empty.getStyleClass().add("section-hint");
        grid.getStyleClass().add("details-grid");
        grid.setHgap(10);
        grid.setVgap(4);
        TableColumn<Tag, String> key = new TableColumn<>(messages.get("browser.details.tagKey"));
        key.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().key()));
        TableColumn<Tag, String> value = new TableColumn<>(messages.get("browser.details.tagValue"));
        value.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        tags.getColumns().setAll(java.util.List.of(key, value));
        tags.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tags.setPlaceholder(new javafx.scene.control.Label(messages.get("browser.details.noTags")));
        tags.setPrefHeight(160);
        tags.setId("detailsTags");
        tags.setAccessibleText(messages.get("browser.details.tags"));
        cli.setEditable(false);
        cli.setWrapText(true);
        cli.setPrefRowCount(3);
        cli.setId("detailsCli");
        cli.getStyleClass().add("cli-command");
        copyArn = new Button(messages.get("browser.details.copyArn"));
        copyArn.setId("copyArn");
        copyArn.setOnAction(e -> copy(shown == null ? null : shown.arn()));
        copyCli = new Button(messages.get("browser.details.copyCli"));
        copyCli.setId("copyCli");
        copyCli.setOnAction(e -> copy(cli.getText()));
        Label title = new Label(messages.get("browser.details.title"));
        title.getStyleClass().add("section-title");
        content.getChildren().setAll(title, empty);
        content.getStyleClass().add("details-pane");
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("detailsPane");
    }

    /** Moves the keyboard focus into the pane, to its first button, so Tab walks through the details. */
    void focus() {
        if (!copyArn.isDisabled()) {
            copyArn.requestFocus();
        } else {
            root.requestFocus();
        }
    }

    ScrollPane root() {
        return root;
    }

    void show(@Nullable Snapshot snapshot) {
        shown = snapshot;
        Label title = (Label) content.getChildren().getFirst();
        if (snapshot == null) {
            content.getChildren().setAll(title, empty);
            return;
        }
        grid.getChildren().clear();
        int row = 0;
        row = add(row, "identifier", snapshot.identifier());
        row = add(row, "arn", snapshot.arn());
        row = add(row, "engine", messages.get("engine." + snapshot.engine().name()));
        row = add(row, "engineVersion", snapshot.engineVersion());
        row = add(row, "cluster", snapshot.clusterIdentifier());
        row = add(row, "account", snapshot.accountId());
        row = add(row, "owner", snapshot.ownerAccountId());
        row = add(row, "region", snapshot.region().code());
        row = add(row, "type", messages.get("browser.type." + snapshot.type().name()));
        row = add(row, "status", snapshot.status().raw() + " (" + snapshot.status().percent() + "%)");
        row = add(row, "created", snapshot.createTime() == null ? null
                : TIME.format(snapshot.createTime().atZone(ZoneId.systemDefault())));
        row = add(row, "size", snapshot.dataSizeGiB() != null ? messages.get("browser.size", snapshot.dataSizeGiB())
                : snapshot.allocatedStorageGiB() == null ? null
                : messages.get("browser.details.size.notReported", snapshot.allocatedStorageGiB()));
        row = add(row, "storageType", snapshot.storageType());
        row = add(row, "encrypted", messages.get(snapshot.storageEncrypted() ? "common.yes" : "common.no"));
        // A detail that could not be read says so, rather than vanishing as if it had no value.
        row = add(row, "kmsKey", snapshot.isUnknown(Snapshot.Detail.KMS_KEY) ? messages.get("browser.unknown")
                : snapshot.kmsKeyId());
        row = add(row, "kmsAlias", snapshot.isUnknown(Snapshot.Detail.KMS_ALIAS)
                || snapshot.isUnknown(Snapshot.Detail.KMS_KEY) ? messages.get("browser.unknown")
                : snapshot.kmsKeyAlias());
        add(row, "source", snapshot.sourceSnapshotArn());
        tags.setItems(FXCollections.observableArrayList(snapshot.tags()));
        tags.setPlaceholder(new javafx.scene.control.Label(messages.get(snapshot.isUnknown(Snapshot.Detail.TAGS)
                ? "browser.details.tagsUnknown" : "browser.details.noTags")));
        cli.setText(cliCommand.apply(snapshot));
        Label tagsTitle = new Label(messages.get("browser.details.tags"));
        tagsTitle.getStyleClass().add("section-subtitle");
        Label cliTitle = new Label(messages.get("browser.details.cli"));
        cliTitle.getStyleClass().add("section-subtitle");
        HBox buttons = new HBox(8, copyArn, copyCli);
        buttons.getChildren().addAll(actions);
        content.getChildren().setAll(title, grid, buttons, tagsTitle, tags, cliTitle, cli);
    }

    private int add(int row, String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return row;
        }
        Label name = new Label(messages.get("browser.details." + key));
        name.getStyleClass().add("details-name");
        TextField text = new TextField(value);
        text.setEditable(false);
        text.getStyleClass().add("details-value");
        text.setId("details-" + key);
        text.setAccessibleText(name.getText());
        GridPane.setHgrow(text, Priority.ALWAYS);
        grid.addRow(row, name, text);
        return row + 1;
    }

    private static void copy(@Nullable String text) {
        if (text == null) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
