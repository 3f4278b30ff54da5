package dev.snapferry.ui.common;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Skin;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.skin.LabelSkin;
import javafx.scene.control.skin.TableCellSkin;
import javafx.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * Table cells and labels whose text can change without restyling them.
 *
 * <p>JavaFX 25's labelled skins put their children back (remove and add the same text node) on every change of
 * text, and the structural pseudo-classes JavaFX 25 gives every child ({@code :first-child}, {@code :only-child},
 * ...) then go off and on again: the text node is restyled each time. In a table whose texts change as copies run,
 * or whose rows show other snapshots after a search, that restyling was most of the FX thread's time. These skins
 * put the children back only when they would differ: another graphic, the graphic shown or hidden, another content
 * display, or the text becoming empty or not.
 */
public final class SteadyCells {

    private SteadyCells() {
    }

    /** A table cell with the steady skin; subclasses draw their item as any table cell does. */
    public abstract static class Cell<S, T> extends TableCell<S, T> {
        @Override
        protected Skin<?> createDefaultSkin() {
            return new SteadyCellSkin<>(this);
        }
    }

    /** A label with the steady skin. */
    public static final class SteadyLabel extends Label {
        public SteadyLabel() {
        }

        public SteadyLabel(String text) {
            super(text);
        }

        @Override
        protected Skin<?> createDefaultSkin() {
            return new SteadyLabelSkin(this);
        }
    }

    /** Cells showing their item's text, as a column's default cells do, with the steady skin. */
    public static <S, T> Callback<TableColumn<S, T>, TableCell<S, T>> text() {
        return column -> new Cell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.toString());
                setGraphic(null);
            }
        };
    }

    /** What a labelled skin's children depend on: when none of it changed, the children would be the same. */
    private static final class Shape {
        private @Nullable Node graphic;
        private boolean graphicVisible;
        private @Nullable ContentDisplay display;
        private boolean noText;
        private boolean known;

        /**
         * Runs a skin's own {@code updateChildren} when {@code labeled}'s children may differ from last time;
         * {@code shape} is null on the first call (from the skin's constructor, before its fields are set).
         */
        static Shape update(@Nullable Shape shape, Labeled labeled, Runnable updateChildren) {
            Shape known = shape != null ? shape : new Shape();
            if (known.changed(labeled)) {
                updateChildren.run();
            }
            return known;
        }

        /** True, and remembers the new shape, when {@code labeled}'s children may differ from last time. */
        boolean changed(Labeled labeled) {
            Node nowGraphic = labeled.getGraphic();
            boolean nowVisible = nowGraphic != null && nowGraphic.isVisible();
            ContentDisplay nowDisplay = labeled.getContentDisplay();
            String text = labeled.getText();
            boolean nowNoText = text == null || text.isEmpty();
            boolean same = known && nowGraphic == graphic && nowVisible == graphicVisible
                    && Objects.equals(nowDisplay, display) && nowNoText == noText;
            graphic = nowGraphic;
            graphicVisible = nowVisible;
            display = nowDisplay;
            noText = nowNoText;
            known = true;
            return !same;
        }
    }

    private static final class SteadyCellSkin<S, T> extends TableCellSkin<S, T> {
        // Not initialised here: the super constructor already calls updateChildren, which sets it.
        private @Nullable Shape shape;

        SteadyCellSkin(TableCell<S, T> cell) {
            super(cell);
        }

        @Override
        protected void updateChildren() {
            shape = Shape.update(shape, getSkinnable(), super::updateChildren);
        }
    }

    private static final class SteadyLabelSkin extends LabelSkin {
        private @Nullable Shape shape;

        SteadyLabelSkin(Label label) {
            super(label);
        }

        @Override
        protected void updateChildren() {
            shape = Shape.update(shape, getSkinnable(), super::updateChildren);
        }
    }
}
