package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;
import org.jspecify.annotations.Nullable;

/**
 * A source list in the order of a comparator, like JavaFX's {@code SortedList}, that takes many rows at once in
 * one step: the rows a change brings are sorted among themselves and merged into the rows already in order, and
 * the change it reports is built whole. {@code SortedList} inserts them one at a time, each insertion moving the
 * rows after it and merging its part into the change so far: a region of 5,000 snapshots landing in a table of
 * 95,000 held the FX thread for seconds.
 *
 * <p>Rows that compare equal keep the order of the source. A {@code null} comparator keeps the source's order.
 * Changing the comparator reports one permutation. FX thread only, as any observable list bound to a control.
 *
 * @param <E> the rows
 */
public final class MergingSortedList<E> extends TransformationList<E, E> {

    /** The rows in order, the first {@link #size} used. */
    private Object[] rows;
    /** Each row's position in the source, parallel to {@link #rows}. */
    private int[] sourceIndex;
    private int size;
    /** Each source position's place here, made when first asked and dropped at each change. */
    private int @Nullable [] viewIndex;
    private final ObjectProperty<@Nullable Comparator<? super E>> comparator;
    /** The comparator's value, read once per change rather than once per comparison. */
    private @Nullable Comparator<? super E> current;

    public MergingSortedList(ObservableList<E> source, @Nullable Comparator<? super E> order) {
        super(source);
        current = order;
        comparator = new SimpleObjectProperty<>(this, "comparator", order) {
            @Override
            protected void invalidated() {
                current = get();
                resort();
            }
        };
        readSource();
    }

    /** Takes every row of the source, in order. */
    private void readSource() {
        List<? extends E> source = getSource();
        size = source.size();
        rows = new Object[size];
        sourceIndex = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = source.get(i);
            sourceIndex[i] = i;
        }
        sortInPlace();
    }

    /** The order; setting it reorders the rows, reported as one permutation. */
    public ObjectProperty<@Nullable Comparator<? super E>> comparatorProperty() {
        return comparator;
    }

    /** Orders rows by the comparator, then by their position in the source (which keeps ties stable). */
    private int compare(Object a, int aIndex, Object b, int bIndex) {
        Comparator<? super E> order = current;
        if (order != null) {
            @SuppressWarnings("unchecked")
            int c = order.compare((E) a, (E) b);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(aIndex, bIndex);
    }

    /** A row and its position in the source, sorted together. */
    private record Entry(Object row, int index) {
    }

    /** Sorts {@code count} rows and their source positions together, in place. */
    private void sort(Object[] sortRows, int[] sortIndex, int count) {
        if (count < 2) {
            return;
        }
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = new Entry(sortRows[i], sortIndex[i]);
        }
        Arrays.sort(entries, (x, y) -> compare(x.row, x.index, y.row, y.index));
        for (int i = 0; i < count; i++) {
            sortRows[i] = entries[i].row;
            sortIndex[i] = entries[i].index;
        }
    }

    /** Sorts the first {@link #size} rows and their source positions together. */
    private void sortInPlace() {
        sort(rows, sourceIndex, size);
        viewIndex = null;
    }

    private void resort() {
        if (size == 0) {
            return;
        }
        // Where each source position stands now, to tell each row's old place after sorting.
        int[] oldPosition = new int[size];
        for (int i = 0; i < size; i++) {
            oldPosition[sourceIndex[i]] = i;
        }
        sortInPlace();
        int[] permutation = new int[size];
        boolean moved = false;
        for (int i = 0; i < size; i++) {
            int was = oldPosition[sourceIndex[i]];
            permutation[was] = i;
            moved |= was != i;
        }
        if (moved) {
            beginChange();
            nextPermutation(0, size, permutation);
            endChange();
        }
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends E> c) {
        // The source's parts, in order: where each starts in the source before and after, what it removed and
        // how many rows it added.
        List<int[]> parts = new ArrayList<>();
        boolean readAgain = false;
        int shift = 0;
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated()) {
                // Neither comes from the app's lists (their rows are replaced, never updated in place, and never
                // reordered); updates follow a change's other parts in their final places, so they are not
                // merged as these are: every row is read again instead.
                readAgain = true;
                break;
            }
            parts.add(new int[] {c.getFrom() - shift, c.getRemovedSize(), c.getFrom(), c.getAddedSize()});
            shift += c.getAddedSize() - c.getRemovedSize();
        }
        if (readAgain) {
            reloadFromSource();
            return;
        }
        merge(parts);
    }

    /** The source was permuted or updated (which the app's lists never are): every row is read again and sorted. */
    private void reloadFromSource() {
        List<E> removed = new ArrayList<>(this);
        readSource();
        if (!removed.isEmpty() || size > 0) {
            fireChange(RangeChange.replacedAll(this, removed, size));
        }
    }

    /**
     * Applies the source's parts: the rows kept move to their new source positions, the rows removed go, and the
     * rows added are sorted and merged in, in time linear in the rows plus the added rows' sort.
     */
    private void merge(List<int[]> parts) {
        List<? extends E> source = getSource();
        int addedCount = 0;
        for (int[] part : parts) {
            addedCount += part[3];
        }
        // The rows added, sorted among themselves.
        Object[] addedRows = new Object[addedCount];
        int[] addedIndex = new int[addedCount];
        int k = 0;
        for (int[] part : parts) {
            for (int i = part[2]; i < part[2] + part[3]; i++) {
                addedRows[k] = source.get(i);
                addedIndex[k++] = i;
            }
        }
        sort(addedRows, addedIndex, addedCount);

        // Old source positions, starts of the parts, for finding each kept row's part by binary search.
        int[] oldStarts = new int[parts.size()];
        for (int p = 0; p < parts.size(); p++) {
            oldStarts[p] = parts.get(p)[0];
        }
        int capacity = Math.max(16, source.size());
        Object[] nextRows = new Object[capacity];
        int[] nextIndex = new int[capacity];
        RangeChange.Builder<E> change = new RangeChange.Builder<>();
        ArrayList<E> removedRun = new ArrayList<>();
        int addedRun = 0;
        int runStart = 0;
        int out = 0;
        int a = 0;
        for (int i = 0; i <= size; i++) {
            int kept = -1;
            if (i < size) {
                kept = newSourceIndex(sourceIndex[i], oldStarts, parts);
                if (kept < 0) {
                    // Removed: it joins the run of changes at this point.
                    if (removedRun.isEmpty() && addedRun == 0) {
                        runStart = out;
                    }
                    @SuppressWarnings("unchecked")
                    E row = (E) rows[i];
                    removedRun.add(row);
                    continue;
                }
            }
            // Added rows that come before this kept row (or all that are left, at the end).
            while (a < addedCount && (i == size || compare(addedRows[a], addedIndex[a], rows[i], kept) < 0)) {
                if (removedRun.isEmpty() && addedRun == 0) {
                    runStart = out;
                }
                nextRows[out] = addedRows[a];
                nextIndex[out++] = addedIndex[a++];
                addedRun++;
            }
            if (!removedRun.isEmpty() || addedRun > 0) {
                change.part(runStart, removedRun, addedRun);
                removedRun = new ArrayList<>();
                addedRun = 0;
            }
            if (i < size) {
                nextRows[out] = rows[i];
                nextIndex[out++] = kept;
            }
        }
        rows = nextRows;
        sourceIndex = nextIndex;
        size = out;
        viewIndex = null;
        if (!change.isEmpty()) {
            fireChange(change.build(this));
        }
    }

    /** A kept row's position in the source after the parts, or -1 when a part removed it. */
    private static int newSourceIndex(int old, int[] oldStarts, List<int[]> parts) {
        int found = Arrays.binarySearch(oldStarts, old);
        // The last part starting at or before old: a part that only adds may share its start with the next one.
        int p = found >= 0 ? found : -found - 2;
        while (p >= 0 && p + 1 < oldStarts.length && oldStarts[p + 1] <= old) {
            p++;
        }
        if (p < 0) {
            return old;
        }
        int[] part = parts.get(p);
        if (old < part[0] + part[1]) {
            return -1;
        }
        // Everything before old moved by the parts up to this one.
        return old + (part[2] + part[3]) - (part[0] + part[1]);
    }

    @Override
    public int getSourceIndex(int index) {
        Objects.checkIndex(index, size);
        return sourceIndex[index];
    }

    @Override
    public int getViewIndex(int index) {
        Objects.checkIndex(index, size);
        if (viewIndex == null) {
            int[] inverse = new int[size];
            for (int i = 0; i < size; i++) {
                inverse[sourceIndex[i]] = i;
            }
            viewIndex = inverse;
        }
        return viewIndex[index];
    }

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) rows[index];
    }

    @Override
    public int size() {
        return size;
    }
}
