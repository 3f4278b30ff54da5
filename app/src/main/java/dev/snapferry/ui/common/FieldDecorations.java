package dev.snapferry.ui.common;

import java.util.Objects;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Control;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Marks fields with ControlsFX's validation decoration (an error sign on the field, its message on hover) from a
 * problem text the ViewModel owns. The View decides nothing: the decoration shows exactly when the text is not
 * empty, including when it changes without the field changing (an answer from AWS).
 */
public final class FieldDecorations {

    private final ValidationSupport support = new ValidationSupport();

    public FieldDecorations() {
        support.setValidationDecorator(new GraphicValidationDecoration());
    }

    /** Decorates {@code field} while {@code problem} is not empty. */
    public void decorate(Control field, ObservableStringValue problem) {
        Objects.requireNonNull(problem, "problem");
        support.registerValidator(field, false, (Control c, Object value) ->
                ValidationResult.fromErrorIf(c, problem.get(), !problem.get().isEmpty()));
        problem.addListener((obs, old, now) -> support.revalidate(field));
    }
}
