package dev.snapferry.ui.common;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;
import org.jspecify.annotations.Nullable;

/**
 * The rows of a source list that pass a filter, like JavaFX's {@code FilteredList}, which can also take its answer
 * ready-made: the positions of the passing rows, found elsewhere (off the FX thread) in the source as it stood at a
 * {@link #sourceVersion() version}. Taking such an answer reads no row and copies nothing: the list keeps the
 * array, and the change it reports gives the rows it no longer shows as a view of the array it drops, read only if
 * a listener reads it. {@code FilteredList} instead tests every row again and copies every row it showed, which at
 * 100,000 rows is most of a keystroke's work on the FX thread.
 *
 * <p>Changes of the source (rows added, removed, updated or put in another order) are followed one by one as
 * {@code FilteredList} follows them, testing only the rows they bring. FX thread only, as any observable list
 * bound to a control.
 *
 * @param <E> the rows
 */
public final class IndexFilteredList<E> extends TransformationList<E, E> {

    /** Positions in the source of the rows shown, ascending; the first {@link #size} are used. */
    private int[] shown;
    private int size;
    private @Nullable Predicate<? super E> predicate;
    /** Counts the source's changes, so that an answer found for an older source is not taken. */
    private long sourceVersion;

    /** Shows every row of {@code source} until a filter is set. */
    public IndexFilteredList(ObservableList<E> source) {
        super(source);
        size = source.size();
        shown = new int[Math.max(16, size)];
        for (int i = 0; i < size; i++) {
            shown[i] = i;
        }
    }

    /** The number of changes of the source so far: an answer by position holds for one version. */
    public long sourceVersion() {
        return sourceVersion;
    }

    public @Nullable Predicate<? super E> getPredicate() {
        return predicate;
    }

    /** Shows the rows that pass {@code filter} (every row when null), testing each row of the source. */
    public void setPredicate(@Nullable Predicate<? super E> filter) {
        predicate = filter;
        List<? extends E> source = getSource();
        int[] next = new int[Math.max(16, source.size())];
        int count = 0;
        for (int i = 0, n = source.size(); i < n; i++) {
            if (filter == null || filter.test(source.get(i))) {
                next[count++] = i;
            }
        }
        replaceAll(next, count);
    }

    /**
     * Shows the rows at {@code positions} (ascending, the first {@code count}) of the source as it stood at
     * {@code version}, and tests rows the source brings later with {@code filter}. When the source has changed
     * since, the answer is not taken: every row is tested with {@code filter} instead.
     *
     * @return true when the answer was taken as given
     */
    public boolean showPositions(long version, int[] positions, int count, Predicate<? super E> filter) {
        Objects.requireNonNull(filter, "filter");
        if (version != sourceVersion || count > getSource().size()
                || (count > 0 && positions[count - 1] >= getSource().size())) {
            setPredicate(filter);
            return false;
        }
        predicate = filter;
        replaceAll(positions, count);
        return true;
    }

    /** Takes {@code next} as the rows shown, reporting one replacement of everything. */
    private void replaceAll(int[] next, int count) {
        int[] before = shown;
        int beforeSize = size;
        shown = next;
        size = count;
        if (beforeSize == 0 && count == 0) {
            return;
        }
        List<? extends E> source = getSource();
        // The rows no longer shown, read from the source (unchanged meanwhile) only if a listener asks.
        List<E> removed = new AbstractList<>() {
            @Override
            public E get(int index) {
                Objects.checkIndex(index, beforeSize);
                return source.get(before[index]);
            }

            @Override
            public int size() {
                return beforeSize;
            }
        };
        fireChange(RangeChange.replacedAll(this, removed, count));
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends E> c) {
        sourceVersion++;
        if (onlyAddedOrRemoved(c)) {
            addRemoveAll(c);
            return;
        }
        c.reset();
        beginChange();
        while (c.next()) {
            if (c.wasPermutated()) {
                permute(c);
            } else if (c.wasUpdated()) {
                update(c);
            } else {
                addRemove(c);
            }
        }
        endChange();
    }

    /** The position in this list of the first row shown at or after {@code sourceIndex}. */
    private int position(int sourceIndex) {
        int found = Arrays.binarySearch(shown, 0, size, sourceIndex);
        return found >= 0 ? found : -found - 1;
    }

    private void permute(ListChangeListener.Change<? extends E> c) {
        int from = position(c.getFrom());
        int to = position(c.getTo());
        if (to <= from) {
            return;
        }
        // Each shown row's new source position with its old position here, sorted by the new one.
        long[] moved = new long[to - from];
        for (int i = from; i < to; i++) {
            moved[i - from] = ((long) c.getPermutation(shown[i]) << 32) | i;
        }
        Arrays.sort(moved);
        int[] permutation = new int[to - from];
        for (int k = 0; k < moved.length; k++) {
            int oldPosition = (int) moved[k];
            shown[from + k] = (int) (moved[k] >>> 32);
            permutation[oldPosition - from] = from + k;
        }
        nextPermutation(from, to, permutation);
    }

    private void update(ListChangeListener.Change<? extends E> c) {
        List<? extends E> source = getSource();
        for (int i = c.getFrom(); i < c.getTo(); i++) {
            int at = Arrays.binarySearch(shown, 0, size, i);
            boolean passes = predicate == null || predicate.test(source.get(i));
            if (at >= 0 && passes) {
                nextUpdate(at);
            } else if (at >= 0) {
                E row = source.get(i);
                System.arraycopy(shown, at + 1, shown, at, size - at - 1);
                size--;
                nextRemove(at, row);
            } else if (passes) {
                int insert = -at - 1;
                ensureCapacity(size + 1);
                System.arraycopy(shown, insert, shown, insert + 1, size - insert);
                shown[insert] = i;
                size++;
                nextAdd(insert, insert + 1);
            }
        }
    }

    private static boolean onlyAddedOrRemoved(ListChangeListener.Change<?> c) {
        while (c.next()) {
            if (c.wasPermutated() || c.wasUpdated()) {
                return false;
            }
        }
        c.reset();
        return true;
    }

    /**
     * Follows a change of rows added and removed in one pass over the rows shown, however many parts it has: a
     * region's rows landing in a sorted table arrive as thousands of scattered parts, and moving the rows after
     * each part in turn cost the FX thread a pass over the table per part.
     */
    private void addRemoveAll(ListChangeListener.Change<? extends E> c) {
        List<? extends E> source = getSource();
        int[] next = new int[Math.max(16, source.size())];
        RangeChange.Builder<E> change = new RangeChange.Builder<>();
        int out = 0;
        int k = 0;
        int shift = 0;
        while (c.next()) {
            int from = c.getFrom();
            int removedCount = c.wasRemoved() ? c.getRemovedSize() : 0;
            int addedCount = c.wasAdded() ? c.getAddedSize() : 0;
            // The part's start in the source's coordinates before the change.
            int oldFrom = from - shift;
            while (k < size && shown[k] < oldFrom) {
                next[out++] = shown[k++] + shift;
            }
            ArrayList<E> removedRows = new ArrayList<>();
            if (removedCount > 0) {
                List<? extends E> removedFromSource = c.getRemoved();
                while (k < size && shown[k] < oldFrom + removedCount) {
                    removedRows.add(removedFromSource.get(shown[k++] - oldFrom));
                }
            }
            int start = out;
            for (int i = from; i < from + addedCount; i++) {
                if (predicate == null || predicate.test(source.get(i))) {
                    next[out++] = i;
                }
            }
            if (!removedRows.isEmpty() || out > start) {
                change.part(start, removedRows, out - start);
            }
            shift += addedCount - removedCount;
        }
        while (k < size) {
            next[out++] = shown[k++] + shift;
        }
        shown = next;
        size = out;
        if (!change.isEmpty()) {
            fireChange(change.build(this));
        }
    }

    private void addRemove(ListChangeListener.Change<? extends E> c) {
        int from = c.getFrom();
        int removedCount = c.wasRemoved() ? c.getRemovedSize() : 0;
        int addedCount = c.wasAdded() ? c.getAddedSize() : 0;
        // Positions here are still in the source's coordinates before this part of the change.
        int start = position(from);
        int end = position(from + removedCount);
        List<E> removedRows = new ArrayList<>(end - start);
        if (end > start) {
            List<? extends E> removedFromSource = c.getRemoved();
            for (int k = start; k < end; k++) {
                removedRows.add(removedFromSource.get(shown[k] - from));
            }
        }
        List<? extends E> source = getSource();
        int[] added = new int[addedCount];
        int addedShown = 0;
        for (int i = from; i < from + addedCount; i++) {
            if (predicate == null || predicate.test(source.get(i))) {
                added[addedShown++] = i;
            }
        }
        int after = size - end;
        int newSize = start + addedShown + after;
        ensureCapacity(newSize);
        int shift = addedCount - removedCount;
        System.arraycopy(shown, end, shown, start + addedShown, after);
        for (int k = start + addedShown; k < newSize; k++) {
            shown[k] += shift;
        }
        System.arraycopy(added, 0, shown, start, addedShown);
        size = newSize;
        if (!removedRows.isEmpty()) {
            nextRemove(start, removedRows);
        }
        if (addedShown > 0) {
            nextAdd(start, start + addedShown);
        }
    }

    private void ensureCapacity(int needed) {
        if (shown.length < needed) {
            shown = Arrays.copyOf(shown, Math.max(needed, shown.length * 3 / 2 + 1));
        }
    }

    @Override
    public int getSourceIndex(int index) {
        Objects.checkIndex(index, size);
        return shown[index];
    }

    @Override
    public int getViewIndex(int index) {
        int found = Arrays.binarySearch(shown, 0, size, index);
        return found >= 0 ? found : -1;
    }

    @Override
    public E get(int index) {
        Objects.checkIndex(index, size);
        return getSource().get(shown[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
