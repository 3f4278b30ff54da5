package dev.snapferry.ui.copy;

import dev.snapferry.core.model.Snapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jspecify.annotations.Nullable;

/**
 * One copy of the wizard's batch (or its single copy): its source, the name its copy gets, what is wrong with that
 * name, and whether AWS already accepted it. Every step reads it; only the wizard's checks and its submission
 * change it.
 */
public final class CopyTarget {

    private final Snapshot source;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper submitted = new ReadOnlyBooleanWrapper(this, "submitted", false);
    private @Nullable String refusedName;
    private String refusal = "";

    CopyTarget(Snapshot source) {
        this.source = source;
    }

    public Snapshot source() {
        return source;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** What is wrong with this copy's name (or source); empty when nothing is. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True once AWS accepted this copy: it is not sent again. */
    public ReadOnlyBooleanProperty submittedProperty() {
        return submitted.getReadOnlyProperty();
    }

    boolean isSubmitted() {
        return submitted.get();
    }

    void name(String text) {
        name.set(text);
    }

    void problem(String text) {
        problem.set(text);
    }

    void accepted() {
        submitted.set(true);
    }

    /** AWS refused {@code refused} for this copy; the refusal stands while the copy keeps that name. */
    void refused(String refused, String why) {
        refusedName = refused;
        refusal = why;
    }

    /** AWS's refusal of {@code candidate}, when AWS refused this very name; empty otherwise. */
    String refusalOf(String candidate) {
        return candidate.equals(refusedName) ? refusal : "";
    }
}
