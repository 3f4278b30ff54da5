package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.TableView;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a table's selection and focus on the same rows while its rows change. JavaFX's table moves its selected
 * positions along with a change of one part, but not with a change of many scattered parts, which is what rows
 * landing in a sorted table are: it leaves the positions where they were, and the selection silently passes to
 * other rows (a snapshot the user never chose, under a Copy or Delete button). Seen in JavaFX 25 with its own
 * {@code SortedList} as with ours ({@code SortedRowsSelectionTest}).
 *
 * <p>The rows selected and focused are noted whenever the user changes them; after the table has followed a change of
 * its rows, the selection (and the focus with it) is put back on those of them still there, and only if the table
 * moved it. With nothing selected, the table keeps the focus as it does.
 */
public final class SelectionKeeper {

    private SelectionKeeper() {
    }

    /** What the user left selected: the rows, the lead (the selected row the details show) and the focus. */
    private static final class Noted<S> {
        private final List<S> rows = new ArrayList<>();
        private @Nullable S lead;
        private @Nullable S focused;

        void take(TableView<S> table) {
            rows.clear();
            rows.addAll(selectedRows(table));
            lead = rowAt(table, table.getSelectionModel().getSelectedIndex());
            focused = rowAt(table, table.getFocusModel().getFocusedIndex());
        }
    }

    /**
     * Shows {@code items} in {@code table}, keeping its selection on the same rows through their changes. A row
     * replaced by a new one of the same {@code key} (a snapshot listed again, or showing a copy's progress) stays
     * selected in its successor.
     */
    public static <S> void setItems(TableView<S> table, ObservableList<S> items, Function<S, ?> key) {
        Noted<S> noted = new Noted<>();
        boolean[] changing = {false};
        // The selection as the user leaves it, noted while the rows stand still. While they change, the table's
        // selection reads the new rows at the old positions, so it cannot be read then.
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<S>) c -> {
            if (!changing[0]) {
                noted.take(table);
            }
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, now) -> {
            if (!changing[0]) {
                noted.take(table);
            }
        });
        table.getFocusModel().focusedIndexProperty().addListener((obs, old, now) -> {
            if (!changing[0]) {
                noted.take(table);
            }
        });
        // Registered before the table's own listener, so it runs first.
        items.addListener((ListChangeListener<S>) c -> changing[0] = true);
        table.setItems(items);
        // Registered after it: puts the selection back where the table lost it.
        items.addListener((ListChangeListener<S>) c -> {
            try {
                restore(table, noted, key);
            } finally {
                changing[0] = false;
            }
            noted.take(table);
        });
    }

    private static <S> void restore(TableView<S> table, Noted<S> noted, Function<S, ?> key) {
        var selection = table.getSelectionModel();
        List<S> before = noted.rows;
        if (before.isEmpty()) {
            // Nothing was selected: the focus alone (the table's first row, as a rule) is left to the table, which
            // spares a search of every row at each keystroke.
            return;
        }
        S lead = noted.lead;
        S focused = noted.focused;
        List<S> selectedNow = selectedRows(table);
        S leadNow = rowAt(table, selection.getSelectedIndex());
        S focusNow = rowAt(table, table.getFocusModel().getFocusedIndex());
        if (sameRows(selectedNow, before) && leadNow == lead && (focused == null || focusNow == focused)) {
            return;
        }
        // Where the rows noted (or their successors) stand now, found in one pass.
        Set<Object> wanted = new HashSet<>();
        before.forEach(row -> wanted.add(key.apply(row)));
        if (focused != null) {
            wanted.add(key.apply(focused));
        }
        Map<Object, Integer> at = new HashMap<>();
        List<S> items = table.getItems();
        for (int i = 0; i < items.size(); i++) {
            Object k = key.apply(items.get(i));
            if (wanted.contains(k)) {
                at.putIfAbsent(k, i);
            }
        }
        Object leadKey = lead == null ? null : key.apply(lead);
        List<Integer> stillThere = new ArrayList<>();
        for (S row : before) {
            Integer index = at.get(key.apply(row));
            if (index != null && !Objects.equals(key.apply(row), leadKey)) {
                stillThere.add(index);
            }
        }
        Integer leadAt = leadKey == null ? null : at.get(leadKey);
        if (leadAt != null) {
            // The lead goes last, as the last selected is the lead.
            stillThere.add(leadAt);
        }
        Integer focusAt = focused == null ? null : at.get(key.apply(focused));
        boolean focusRight = focusAt == null || table.getFocusModel().getFocusedIndex() == focusAt;
        boolean selectionRight = new HashSet<>(selection.getSelectedIndices()).equals(new HashSet<>(stillThere))
                && (leadAt == null || selection.getSelectedIndex() == leadAt);
        if (selectionRight && focusRight) {
            // The table kept every row still there; the others are gone.
            return;
        }
        if (!selectionRight) {
            selection.clearSelection();
            if (!stillThere.isEmpty()) {
                int[] rest = stillThere.subList(1, stillThere.size()).stream().mapToInt(Integer::intValue).toArray();
                selection.selectIndices(stillThere.getFirst(), rest);
            }
        }
        if (focusAt != null) {
            table.getFocusModel().focus(focusAt);
        }
    }

    private static <S> List<S> selectedRows(TableView<S> table) {
        List<S> items = table.getItems();
        List<S> rows = new ArrayList<>();
        for (int index : table.getSelectionModel().getSelectedIndices()) {
            if (index >= 0 && index < items.size()) {
                rows.add(items.get(index));
            }
        }
        return rows;
    }

    private static <S> @Nullable S rowAt(TableView<S> table, int index) {
        return index >= 0 && index < table.getItems().size() ? table.getItems().get(index) : null;
    }

    /** Whether two lists hold the same rows (by identity), in any order. */
    private static <S> boolean sameRows(List<S> a, List<S> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Set<S> set = identitySet(a);
        return set.size() == b.size() && set.containsAll(identitySet(b));
    }

    private static <S> Set<S> identitySet(List<S> rows) {
        Set<S> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (S row : rows) {
            if (row != null) {
                set.add(row);
            }
        }
        return set;
    }
}
