package dev.snapferry.ui.copy;

import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.tags.TagEditorView;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The copy wizard's four steps, each page bound to its step's ViewModel and the buttons to
 * {@link CopyWizardViewModel}: the View shows the ViewModels' problems at their fields and enables Next and Finish as
 * they say; it decides nothing.
 */
public final class CopyWizardView {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");

    private final CopyWizardViewModel viewModel;
    private final DestinationStepViewModel destination;
    private final KeyStepViewModel encryption;
    private final TagsStepViewModel tagging;
    private final ReviewStepViewModel review;
    private final PlanStepViewModel plan;
    private final Messages messages;
    private final BorderPane root = new BorderPane();
    private final Button cancel;
    private final dev.snapferry.ui.common.FieldDecorations decorations = new dev.snapferry.ui.common.FieldDecorations();

    public CopyWizardView(CopyWizardViewModel viewModel, Messages messages, Runnable close) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.destination = viewModel.destinationStep();
        this.encryption = viewModel.keyStep();
        this.tagging = viewModel.tagsStep();
        this.review = viewModel.reviewStep();
        this.plan = viewModel.planStep();
        root.getStyleClass().add("copy-wizard");
        root.setPrefSize(860, 620);

        HBox steps = new HBox(18);
        steps.getStyleClass().add("wizard-steps");
        steps.setPadding(new Insets(12, 16, 12, 16));
        for (CopyWizardViewModel.Step step : CopyWizardViewModel.Step.values()) {
            Label label = new Label();
            // The plan is a step only for a copy into another account; the steps after it are numbered to match.
            label.textProperty().bind(Bindings.createStringBinding(() -> (step.ordinal() + 1
                    - (step.ordinal() > CopyWizardViewModel.Step.PLAN.ordinal() && !plan.activeProperty().get()
                    ? 1 : 0)) + ". " + messages.get("copy.step." + step.name()), plan.activeProperty()));
            if (step == CopyWizardViewModel.Step.PLAN) {
                label.visibleProperty().bind(plan.activeProperty());
                label.managedProperty().bind(plan.activeProperty());
            }
            label.getStyleClass().add("wizard-step");
            label.pseudoClassStateChanged(CURRENT, viewModel.stepProperty().get() == step);
            viewModel.stepProperty().addListener((obs, old, now) -> label.pseudoClassStateChanged(CURRENT,
                    now == step));
            steps.getChildren().add(label);
        }
        root.setTop(steps);

        StackPane pages = new StackPane(page(destinationPage()), page(encryptionPage()),
                page(tagsPage()), page(planPage()), page(reviewPage()));
        for (int i = 0; i < pages.getChildren().size(); i++) {
            Node page = pages.getChildren().get(i);
            CopyWizardViewModel.Step step = CopyWizardViewModel.Step.values()[i];
            page.visibleProperty().bind(viewModel.stepProperty().isEqualTo(step));
        }
        root.setCenter(pages);

        cancel = new Button(messages.get("copy.cancel"));
        cancel.setId("wizardCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> close.run());
        cancel.disableProperty().bind(viewModel.submittingProperty());
        Button back = new Button(messages.get("copy.back"));
        back.setId("wizardBack");
        back.disableProperty().bind(viewModel.canBack().not());
        back.setOnAction(e -> viewModel.back());
        Button next = new Button(messages.get("copy.next"));
        next.setId("wizardNext");
        next.setDefaultButton(true);
        next.disableProperty().bind(viewModel.canNext().not());
        next.visibleProperty().bind(viewModel.stepProperty().isNotEqualTo(CopyWizardViewModel.Step.REVIEW));
        next.managedProperty().bind(next.visibleProperty());
        next.setOnAction(e -> viewModel.next());
        Button finish = new Button(viewModel.isBatch()
                ? messages.get("copy.finish.batch", viewModel.targets().size()) : messages.get("copy.finish"));
        finish.setId("wizardFinish");
        finish.disableProperty().bind(viewModel.canFinish().not());
        finish.visibleProperty().bind(viewModel.stepProperty().isEqualTo(CopyWizardViewModel.Step.REVIEW));
        finish.managedProperty().bind(finish.visibleProperty());
        finish.defaultButtonProperty().bind(finish.visibleProperty());
        finish.setOnAction(e -> viewModel.finish());
        ProgressIndicator sending = spinner(viewModel.submittingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, sending, gap, cancel, back, next, finish);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        buttons.setPadding(new Insets(10, 16, 12, 16));
        buttons.getStyleClass().add("wizard-buttons");
        root.setBottom(buttons);
        viewModel.doneProperty().addListener((obs, old, now) -> {
            if (now) {
                close.run();
            }
        });
    }

    public Parent root() {
        return root;
    }

    private static Node page(Node content) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(8, 16, 8, 16));
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    // ---- step 1 ----

    private Node destinationPage() {
        GridPane grid = form();
        ComboBox<AccountRef> account = new ComboBox<>(destination.accounts());
        account.setId("copyAccount");
        account.setAccessibleText(messages.get("copy.account"));
        account.setConverter(converter(a -> a == null ? "" : a.accountId() + "  (" + a.profileName() + ")"));
        account.valueProperty().bindBidirectional(destination.accountProperty());
        account.setMaxWidth(Double.MAX_VALUE);
        Label accountNote = new Label();
        accountNote.setId("copyAccountNote");
        accountNote.getStyleClass().add("field-note");
        accountNote.setWrapText(true);
        accountNote.textProperty().bind(destination.accountNoteProperty());
        accountNote.visibleProperty().bind(destination.accountNoteProperty().isNotEmpty());
        accountNote.managedProperty().bind(accountNote.visibleProperty());
        grid.addRow(0, fieldLabel("copy.account", account), new VBox(4, account,
                problem(destination.accountProblemProperty(), account, "accountProblem"), accountNote));

        ComboBox<DestinationStepViewModel.RegionChoice> region = new ComboBox<>(destination.regions());
        region.setId("copyRegion");
        region.setAccessibleText(messages.get("copy.region"));
        region.setMaxWidth(Double.MAX_VALUE);
        region.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DestinationStepViewModel.RegionChoice item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(item != null && !item.enabled());
                setText(empty || item == null ? null : item.enabled() ? item.region().code()
                        : messages.get("copy.region.disabled", item.region().code(), item.disabledReason()));
                setTooltip(item == null || item.enabled() ? null : new Tooltip(item.disabledReason()));
                getStyleClass().remove("choice-disabled");
                if (item != null && !item.enabled()) {
                    getStyleClass().add("choice-disabled");
                }
            }
        });
        region.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(DestinationStepViewModel.RegionChoice item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.region().code());
            }
        });
        Runnable showRegion = () -> {
            RegionRef chosen = destination.regionProperty().get();
            region.getSelectionModel().select(destination.regions().stream()
                    .filter(c -> c.region().equals(chosen)).findFirst().orElse(null));
        };
        destination.regionProperty().addListener(x -> showRegion.run());
        destination.regions().addListener((javafx.collections.ListChangeListener<Object>) c -> showRegion.run());
        showRegion.run();
        region.valueProperty().addListener((obs, old, now) -> {
            if (now != null && now.enabled()) {
                destination.regionProperty().set(now.region());
            } else if (now != null) {
                showRegion.run();
            }
        });
        grid.addRow(1, fieldLabel("copy.region", region), region);
        grid.add(problem(destination.regionProblemProperty(), region, "regionProblem"), 1, 2);

        VBox box = new VBox(10, grid);
        if (!viewModel.isBatch()) {
            TextField name = nameField(grid, "copyIdentifier", "copy.identifier",
                    messages.get("copy.identifier.accessible"), destination.targetIdentifierProperty());
            grid.add(problem(destination.targetProblemProperty(), name, "identifierProblem"), 1, 4);
            grid.add(checking(), 1, 5);
        } else {
            TextField template = nameField(grid, "copyTemplate", "copy.template", messages.get("copy.template"),
                    destination.templateProperty());
            Label help = new Label(messages.get("copy.template.help"));
            help.getStyleClass().add("field-help");
            help.setWrapText(true);
            grid.add(help, 1, 4);
            grid.add(problem(destination.templateProblemProperty(), template, "templateProblem"), 1, 5);
            grid.add(checking(), 1, 6);
            ListView<CopyTarget> preview = new ListView<>(
                    javafx.collections.FXCollections.observableArrayList(viewModel.targets()));
            preview.setId("copyPreview");
            preview.setAccessibleText(messages.get("copy.preview"));
            preview.setCellFactory(list -> new TargetCell());
            VBox.setVgrow(preview, Priority.ALWAYS);
            box.getChildren().addAll(new Label(messages.get("copy.preview")), preview);
        }
        return box;
    }

    /** The name (or template) field on the form's fourth row, with the spinner of the names check beside it. */
    private TextField nameField(GridPane grid, String id, String labelKey, String accessible,
                                javafx.beans.property.StringProperty text) {
        TextField field = new TextField();
        field.setId(id);
        field.setAccessibleText(accessible);
        field.textProperty().bindBidirectional(text);
        HBox row = new HBox(8, field, spinner(destination.checkingNamesProperty()));
        HBox.setHgrow(field, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(3, fieldLabel(labelKey, field), row);
        return field;
    }

    private Label checking() {
        Label label = new Label(messages.get("copy.checking"));
        label.getStyleClass().add("field-help");
        label.visibleProperty().bind(destination.checkingNamesProperty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** A batch row: the source, the name its copy will get, and that name's problem in red. */
    private final class TargetCell extends ListCell<CopyTarget> {
        private final Label source = new Label();
        private final Label name = new Label();
        private final Label problem = new Label();
        private final VBox box = new VBox(2, new HBox(8, source, new Label("\u2192"), name), problem);

        TargetCell() {
            name.getStyleClass().add("target-name");
            problem.getStyleClass().add("field-problem");
            problem.setWrapText(true);
        }

        @Override
        protected void updateItem(CopyTarget item, boolean empty) {
            super.updateItem(item, empty);
            name.textProperty().unbind();
            problem.textProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            source.setText(item.source().identifier() + " (" + item.source().region().code() + ")");
            name.textProperty().bind(Bindings.when(item.submittedProperty())
                    .then(Bindings.concat(item.nameProperty(), " \u2014 ", messages.get("copy.review.submitted")))
                    .otherwise(item.nameProperty()));
            problem.textProperty().bind(item.problemProperty());
            problem.visibleProperty().bind(item.problemProperty().isNotEmpty());
            problem.managedProperty().bind(problem.visibleProperty());
            setGraphic(box);
        }
    }

    // ---- step 2 ----

    private Node encryptionPage() {
        GridPane grid = form();
        Label source = new Label();
        source.setId("copySourceEncryption");
        source.setWrapText(true);
        source.textProperty().bind(encryption.sourceEncryptionProperty());
        grid.addRow(0, new Label(messages.get("copy.encryption.source")), source);
        Label need = new Label();
        need.setId("copyKmsNeed");
        need.getStyleClass().add("kms-need");
        need.textProperty().bind(encryption.kmsNeedProperty());
        Label reason = new Label();
        reason.setId("copyKmsReason");
        reason.setWrapText(true);
        reason.textProperty().bind(encryption.kmsReasonProperty());
        grid.add(need, 1, 1);
        grid.add(reason, 1, 2);

        ComboBox<KmsKey> key = new ComboBox<>(encryption.keys());
        key.setId("copyKmsKey");
        key.setAccessibleText(messages.get("copy.kms.key"));
        key.setMaxWidth(Double.MAX_VALUE);
        key.setPromptText(messages.get("copy.kms.key.none"));
        key.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(KmsKey item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : keyText(item));
                setDisable(item != null && !item.state().isUsable());
            }
        });
        key.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(KmsKey item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? messages.get("copy.kms.key.none") : keyText(item));
            }
        });
        key.valueProperty().bindBidirectional(encryption.keyProperty());
        Button clear = new Button(messages.get("copy.kms.clear"));
        clear.setId("copyKmsClear");
        clear.setOnAction(e -> encryption.keyProperty().set(null));
        clear.disableProperty().bind(encryption.keyProperty().isNull());
        HBox field = new HBox(8, key, clear, spinner(encryption.loadingKeysProperty()));
        HBox.setHgrow(key, Priority.ALWAYS);
        field.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(3, fieldLabel("copy.kms.key", key), field);
        grid.add(problem(encryption.kmsProblemProperty(), key, "kmsProblem"), 1, 4);
        Label warning = new Label();
        warning.setId("kmsWarning");
        warning.getStyleClass().add("field-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(encryption.kmsWarningProperty());
        grid.add(warning, 1, 5);
        return grid;
    }

    private String keyText(KmsKey key) {
        StringBuilder text = new StringBuilder(key.displayName());
        if (key.awsManaged()) {
            text.append("  \u2014 ").append(messages.get("copy.kms.awsManaged"));
        }
        if (!key.state().isUsable()) {
            text.append("  \u2014 ").append(key.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        return text.toString();
    }

    // ---- step 3 ----

    private Node tagsPage() {
        CheckBox copy = new CheckBox(messages.get("copy.tags.copy"));
        copy.setId("copyTags");
        copy.selectedProperty().bindBidirectional(tagging.copyTagsProperty());
        Label explicit = new Label(messages.get("copy.tags.explicit"));
        explicit.getStyleClass().add("section-label");
        Node editor = new TagEditorView(tagging.tags(), messages).root();
        Label count = new Label();
        count.getStyleClass().add("field-problem");
        count.textProperty().bind(tagging.tagsProblemProperty());
        Label warning = new Label();
        warning.setId("tagWarning");
        warning.getStyleClass().add("field-warning");
        warning.setWrapText(true);
        warning.textProperty().bind(tagging.tagWarningProperty());
        Label previewTitle = new Label(messages.get("copy.tags.preview"));
        previewTitle.getStyleClass().add("section-label");
        Label preview = new Label();
        preview.setId("copyTagPreview");
        preview.setWrapText(true);
        preview.textProperty().bind(tagging.tagPreviewProperty());
        return new VBox(10, copy, explicit, editor, count, warning, previewTitle, preview);
    }

    // ---- step 4 ----

    private Node reviewPage() {
        ListView<ReviewStepViewModel.Row> rows = new ListView<>(review.rows());
        rows.setId("copyReview");
        rows.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ReviewStepViewModel.Row item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                var request = item.request();
                Label title = new Label(request.source().identifier() + " \u2192 " + request.targetIdentifier()
                        + "  (" + request.destinationAccount().accountId() + ", "
                        + request.destinationRegion().code() + ")");
                title.getStyleClass().add("target-name");
                Label transfer = new Label(item.transfer());
                transfer.setWrapText(true);
                TextArea cli = new TextArea(item.cli());
                cli.setEditable(false);
                cli.setWrapText(true);
                cli.setPrefRowCount(4);
                cli.getStyleClass().add("cli");
                cli.setAccessibleText(messages.get("copy.review.cli"));
                VBox box = new VBox(4, title, transfer, cli);
                box.setPrefWidth(list.getWidth() - 30);
                setGraphic(box);
            }
        });
        VBox.setVgrow(rows, Priority.ALWAYS);
        Label general = new Label();
        general.setId("copyGeneralProblem");
        general.getStyleClass().add("field-problem");
        general.setWrapText(true);
        general.textProperty().bind(review.generalProblemProperty());
        general.visibleProperty().bind(review.generalProblemProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());
        Label quota = new Label();
        quota.setId("copyQuotaWarning");
        quota.getStyleClass().add("field-problem");
        quota.setWrapText(true);
        quota.textProperty().bind(review.quotaWarningProperty());
        quota.visibleProperty().bind(review.quotaWarningProperty().isNotEmpty());
        quota.managedProperty().bind(quota.visibleProperty());
        return new VBox(10, general, quota, rows);
    }

    // ---- step 4, for another account ----

    private Node planPage() {
        Label title = new Label(messages.get("copy.plan.title"));
        title.getStyleClass().add("section-title");
        Label intro = new Label(messages.get("copy.plan.intro"));
        intro.setWrapText(true);
        Label general = new Label();
        general.setId("planProblem");
        general.getStyleClass().add("field-problem");
        general.setWrapText(true);
        general.textProperty().bind(plan.problemProperty());
        general.visibleProperty().bind(plan.problemProperty().isNotEmpty());
        general.managedProperty().bind(general.visibleProperty());

        ComboBox<KmsKey> middle = new ComboBox<>(plan.ownerKeys());
        middle.setId("planIntermediateKey");
        middle.setAccessibleText(messages.get("copy.plan.intermediateKey"));
        middle.setPromptText(messages.get("copy.plan.intermediateKey.prompt"));
        middle.setConverter(converter(k -> k == null ? "" : keyText(k)));
        middle.valueProperty().bindBidirectional(plan.intermediateKeyProperty());
        middle.setMaxWidth(Double.MAX_VALUE);
        GridPane keyGrid = form();
        keyGrid.addRow(0, fieldLabel("copy.plan.intermediateKey", middle), middle);
        keyGrid.add(problem(plan.intermediateProblemProperty(), middle, "planIntermediateProblem"), 1, 1);
        keyGrid.visibleProperty().bind(plan.intermediateNeededProperty());
        keyGrid.managedProperty().bind(keyGrid.visibleProperty());

        VBox steps = new VBox(8);
        steps.setId("planSteps");
        Runnable drawSteps = () -> steps.getChildren().setAll(plan.rows().stream().map(this::planRow).toList());
        plan.rows().addListener((javafx.collections.ListChangeListener<PlanStepViewModel.Row>) c -> drawSteps.run());
        drawSteps.run();

        Label keysTitle = new Label(messages.get("copy.plan.keys"));
        keysTitle.getStyleClass().add("section-title");
        VBox keys = new VBox(8);
        keys.setId("planKeys");
        Runnable drawKeys = () -> keys.getChildren().setAll(plan.keyChecks().stream().map(this::keyCheck).toList());
        plan.keyChecks().addListener((javafx.collections.ListChangeListener<KeyCheck>) c ->
                drawKeys.run());
        drawKeys.run();
        VBox keySection = new VBox(6, keysTitle, keys);
        keySection.visibleProperty().bind(Bindings.isNotEmpty(plan.keyChecks()));
        keySection.managedProperty().bind(keySection.visibleProperty());

        CheckBox risk = new CheckBox(messages.get("copy.plan.acceptRisk"));
        risk.setId("planAcceptRisk");
        risk.selectedProperty().bindBidirectional(plan.acceptRiskProperty());
        risk.visibleProperty().bind(Bindings.createBooleanBinding(plan::needsRiskAccepted, plan.keyChecks()));
        risk.managedProperty().bind(risk.visibleProperty());
        CheckBox cleanUp = new CheckBox(messages.get("copy.plan.cleanUp"));
        cleanUp.setId("planCleanUp");
        cleanUp.selectedProperty().bindBidirectional(plan.cleanUpProperty());

        // What asks something of the user comes first (a key to choose, a policy to change); the steps follow.
        VBox content = new VBox(10, title, intro, general, keyGrid, keySection, risk, steps, cleanUp);
        content.setPadding(new Insets(0, 8, 8, 0));
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("planPage");
        return scroll;
    }

    private Node planRow(PlanStepViewModel.Row row) {
        Label text = new Label(row.number() + ". " + (row.copy().isEmpty() ? "" : row.copy() + ": ") + row.text());
        text.setWrapText(true);
        text.getStyleClass().add("target-name");
        Label where = new Label(row.where());
        where.getStyleClass().add("field-note");
        TextArea cli = new TextArea(row.cli());
        cli.setEditable(false);
        cli.setWrapText(true);
        // Rows for the wrapped command lines (about 95 characters each at the wizard's width), none to scroll.
        cli.setPrefRowCount(row.cli().lines().mapToInt(l -> 1 + l.length() / 95).sum());
        cli.getStyleClass().add("cli");
        cli.setAccessibleText(messages.get("copy.review.cli"));
        return new VBox(2, text, where, cli);
    }

    private Node keyCheck(KeyCheck check) {
        Label status = new Label(messages.get("copy.plan.key." + check.access().name(), check.keyId(),
                check.destinationAccount()));
        status.setWrapText(true);
        status.getStyleClass().add(switch (check.access()) {
            case ADMITS -> "field-ok";
            case MISSING, UNREADABLE -> "field-problem";
            default -> "field-note";
        });
        VBox box = new VBox(4, status);
        if (!check.detail().isEmpty()) {
            Label detail = new Label(check.detail());
            detail.setWrapText(true);
            detail.getStyleClass().add("field-warning");
            box.getChildren().add(detail);
        }
        if (check.access() == KeyCheck.Access.MISSING) {
            TextArea statement = new TextArea(check.statement());
            statement.setId("planKeyStatement");
            statement.setEditable(false);
            statement.setPrefRowCount(9);
            statement.setWrapText(true);
            statement.getStyleClass().add("cli");
            Button apply = new Button(messages.get("copy.plan.key.apply"));
            apply.setId("planApplyKeyPolicy");
            apply.setOnAction(e -> {
                if (confirmPolicyChange(check)) {
                    plan.applyKeyPolicy(check);
                }
            });
            box.getChildren().addAll(statement, apply);
        }
        return box;
    }

    /** The separate confirmation of a key policy change: the policy now and after, side by side. */
    private boolean confirmPolicyChange(KeyCheck check) {
        javafx.scene.control.Dialog<javafx.scene.control.ButtonType> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(messages.get("copy.plan.key.confirm.title", check.keyId()));
        // The header wraps only as a label of the content: as the dialog's header it would widen the dialog instead.
        dialog.setHeaderText(null);
        Label header = new Label(messages.get("copy.plan.key.confirm.header", check.keyId(),
                check.destinationAccount()));
        header.setWrapText(true);
        header.setMinHeight(Region.USE_PREF_SIZE);
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
            dialog.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        }
        TextArea before = new TextArea(check.policy());
        before.setId("planPolicyBefore");
        TextArea after = new TextArea(check.proposed());
        after.setId("planPolicyAfter");
        for (TextArea area : List.of(before, after)) {
            area.setEditable(false);
            area.setPrefColumnCount(40);
            area.setWrapText(true);
            area.setPrefRowCount(22);
            area.getStyleClass().add("cli");
        }
        GridPane grid = form();
        grid.addRow(0, new Label(messages.get("copy.plan.key.confirm.before")),
                new Label(messages.get("copy.plan.key.confirm.after")));
        grid.addRow(1, before, after);
        grid.getColumnConstraints().clear();
        VBox content = new VBox(10, header, grid);
        content.setPrefWidth(860);
        dialog.getDialogPane().setContent(content);
        javafx.scene.control.ButtonType change = new javafx.scene.control.ButtonType(
                messages.get("copy.plan.key.confirm.ok"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.ButtonType cancelChange = new javafx.scene.control.ButtonType(
                messages.get("dialog.cancel"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(cancelChange, change);
        // A change to who may use a key is never the default answer.
        ((Button) dialog.getDialogPane().lookupButton(cancelChange)).setDefaultButton(true);
        ((Button) dialog.getDialogPane().lookupButton(change)).setDefaultButton(false);
        dialog.setResizable(true);
        return dialog.showAndWait().filter(change::equals).isPresent();
    }

    // ---- helpers ----

    private static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        var labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(150);
        var fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    private Label fieldLabel(String key, Node field) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(field);
        return label;
    }

    /**
     * The problem under a field, in red; the field carries ControlsFX's error decoration and the invalid style, and
     * its accessible help says why.
     */
    private Label problem(ObservableStringValue text, javafx.scene.control.Control field, String id) {
        decorations.decorate(field, text);
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("field-problem");
        label.setWrapText(true);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        field.pseudoClassStateChanged(INVALID, !text.get().isEmpty());
        text.addListener((obs, old, now) -> field.pseudoClassStateChanged(INVALID, !now.isEmpty()));
        field.accessibleHelpProperty().bind(text);
        return label;
    }

    private static ProgressIndicator spinner(javafx.beans.value.ObservableBooleanValue busy) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.setMaxSize(18, 18);
        spinner.visibleProperty().bind(Bindings.createBooleanBinding(busy::get, busy));
        return spinner;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String string) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
