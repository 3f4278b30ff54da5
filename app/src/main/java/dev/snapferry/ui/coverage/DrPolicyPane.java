package dev.snapferry.ui.coverage;

import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.ui.common.FieldDecorations;
import dev.snapferry.ui.common.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/** The DR policy: its rules as lines, the rule being edited, and the copy destination. */
final class DrPolicyPane {

    private final VBox root = new VBox(8);

    DrPolicyPane(DrPolicyEditor editor, ObjectProperty<DrPolicy> policy, Messages messages) {
        FieldDecorations decorations = new FieldDecorations();
        ObservableList<String> lines = FXCollections.observableArrayList();
        Runnable describe = () -> lines.setAll(policy.get().rules().stream().map(editor::describe).toList());
        policy.addListener((obs, old, now) -> describe.run());
        describe.run();
        ListView<String> rules = new ListView<>(lines);
        rules.setId("drPolicyRules");
        rules.setPrefHeight(140);
        List<@Nullable EngineFamily> families = new ArrayList<>();
        families.add(null);
        families.addAll(List.of(EngineFamily.values()));
        ChoiceBox<@Nullable EngineFamily> family = new ChoiceBox<>(FXCollections.observableArrayList(families));
        family.setId("drPolicyFamily");
        family.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable EngineFamily f) {
                return f == null ? messages.get("coverage.policy.allEngines") : f.name();
            }

            @Override
            public @Nullable EngineFamily fromString(String s) {
                return null;
            }
        });
        family.valueProperty().bindBidirectional(editor.familyProperty());
        TextField region = CoverageView.field("drPolicyRegionHours", editor.regionHoursProperty());
        TextField account = CoverageView.field("drPolicyAccountHours", editor.accountHoursProperty());
        decorations.decorate(region, editor.regionHoursProblemProperty());
        decorations.decorate(account, editor.accountHoursProblemProperty());
        Button save = CoverageView.button("drPolicySave", messages.get("coverage.policy.save"), editor::saveRule);
        Button remove = CoverageView.button("drPolicyRemove", messages.get("coverage.policy.remove"),
                editor::removeRule);
        GridPane form = new GridPane(12, 6);
        form.addRow(0, new Label(messages.get("coverage.policy.engine")), family);
        form.addRow(1, new Label(messages.get("coverage.policy.regionHours")), region,
                CoverageView.problem(editor.regionHoursProblemProperty()));
        form.addRow(2, new Label(messages.get("coverage.policy.accountHours")), account,
                CoverageView.problem(editor.accountHoursProblemProperty()));
        TextField destRegion = CoverageView.field("drPolicyDestinationRegion", editor.destinationRegionProperty());
        TextField destAccount = CoverageView.field("drPolicyDestinationAccount", editor.destinationAccountProperty());
        decorations.decorate(destRegion, editor.destinationProblemProperty());
        Button saveDestination = CoverageView.button("drPolicySaveDestination",
                messages.get("coverage.policy.saveDestination"), editor::saveDestination);
        GridPane destination = new GridPane(12, 6);
        destination.addRow(0, new Label(messages.get("coverage.policy.destinationRegion")), destRegion);
        destination.addRow(1, new Label(messages.get("coverage.policy.destinationAccount")), destAccount,
                CoverageView.problem(editor.destinationProblemProperty()));
        root.getChildren().addAll(CoverageView.title(messages.get("coverage.policy.title")), rules, form,
                new HBox(8, save, remove), CoverageView.title(messages.get("coverage.policy.destination")),
                destination, saveDestination);
        root.setPadding(new Insets(8, 12, 12, 12));
    }

    Parent root() {
        return root;
    }
}
