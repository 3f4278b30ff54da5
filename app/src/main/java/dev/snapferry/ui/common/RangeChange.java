package dev.snapferry.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A list change made of ranges removed and added, ascending, built whole and handed to listeners as it is. JavaFX's
 * own change builder (behind {@code beginChange}/{@code nextAdd}) merges each part into the ones before it, which
 * costs a scan of them per part: a region of 5,000 rows landing among 95,000 sorted ones is 5,000 scattered parts,
 * and building them that way took seconds of the FX thread.
 *
 * <p>Parts are added in ascending order of position, each in the coordinates of the list with the parts before it
 * applied (which is how a {@link ListChangeListener.Change} reports them).
 *
 * @param <E> the elements
 */
final class RangeChange<E> extends ListChangeListener.Change<E> {

    private static final int[] NONE = new int[0];

    /** Builds a change part by part, in ascending order; a part that starts where the last ends joins it. */
    static final class Builder<E> {
        private final List<Integer> froms = new ArrayList<>();
        private final List<Integer> tos = new ArrayList<>();
        private final List<List<E>> removed = new ArrayList<>();
        private int end = -1;

        /**
         * The part at {@code from}: {@code removedRows} were there, {@code added} rows are there now. The builder
         * keeps {@code removedRows} (and may add to it): the caller hands over a list of its own.
         *
         * @throws IllegalArgumentException when the part is empty or starts before the last one ends
         */
        void part(int from, ArrayList<E> removedRows, int added) {
            if (removedRows.isEmpty() && added == 0) {
                throw new IllegalArgumentException("an empty part");
            }
            if (from < end) {
                throw new IllegalArgumentException("part at " + from + " before the end of the last one, " + end);
            }
            if (from == end) {
                int last = froms.size() - 1;
                removed.get(last).addAll(removedRows);
                tos.set(last, tos.get(last) + added);
            } else {
                froms.add(from);
                tos.add(from + added);
                removed.add(removedRows);
            }
            end = from + added;
        }

        boolean isEmpty() {
            return froms.isEmpty();
        }

        RangeChange<E> build(ObservableList<E> list) {
            return new RangeChange<>(list, froms.stream().mapToInt(Integer::intValue).toArray(),
                    tos.stream().mapToInt(Integer::intValue).toArray(),
                    removed.stream().map(java.util.Collections::unmodifiableList).toList());
        }
    }

    private final int[] froms;
    private final int[] tos;
    private final List<List<E>> removed;
    private int cursor = -1;

    private RangeChange(ObservableList<E> list, int[] froms, int[] tos, List<List<E>> removed) {
        super(list);
        this.froms = froms;
        this.tos = tos;
        this.removed = removed;
    }

    /** One part, whatever was there before replaced by {@code added} rows from 0. */
    static <E> ListChangeListener.Change<E> replacedAll(ObservableList<E> list, List<E> removedRows, int added) {
        return new RangeChange<>(list, new int[] {0}, new int[] {added}, List.of(removedRows));
    }

    /** As JavaFX's own changes do, the last part stays current after the last {@code next()}: listeners read it. */
    @Override
    public boolean next() {
        if (cursor + 1 < froms.length) {
            cursor++;
            return true;
        }
        return false;
    }

    @Override
    public void reset() {
        cursor = -1;
    }

    @Override
    public int getFrom() {
        return froms[checkCursor()];
    }

    @Override
    public int getTo() {
        return tos[checkCursor()];
    }

    @Override
    public List<E> getRemoved() {
        return removed.get(checkCursor());
    }

    @Override
    protected int[] getPermutation() {
        checkCursor();
        return NONE;
    }

    private int checkCursor() {
        if (cursor < 0 || cursor >= froms.length) {
            throw new IllegalStateException("Invalid Change state: next() must be called before inspecting the"
                    + " Change.");
        }
        return cursor;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("RangeChange[");
        for (int i = 0; i < froms.length; i++) {
            text.append(i == 0 ? "" : ", ").append(froms[i]).append("..").append(tos[i]).append(" replacing ")
                    .append(Objects.requireNonNull(removed.get(i)).size());
        }
        return text.append(']').toString();
    }
}
