package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The list the browser filters its rows with shows exactly the source's rows that pass its filter, in order, through
 * every kind of change of its source and of its filter, and reports its changes so that a listener replaying them ends with
 * the same rows (which is what a table does).
 */
class IndexFilteredListTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void followsEveryChangeAsFilteredListDoes(long seed) {
        Random random = new Random(seed);
        ObservableList<Integer> rows = FXCollections.observableArrayList();
        for (int i = 0; i < 200; i++) {
            rows.add(random.nextInt(1_000));
        }
        // Sorted, as the browser's rows are: re-sorting reaches the filter as a permutation.
        SortedList<Integer> sorted = new SortedList<>(rows, Comparator.naturalOrder());
        IndexFilteredList<Integer> ours = new IndexFilteredList<>(sorted);
        // The oracle is the definition (the source's rows that pass, in order), not FilteredList: in this very
        // run JavaFX 25's FilteredList throws on some of SortedList's removals and is left inconsistent.
        Predicate<Integer> current = n -> true;
        List<Integer> replayed = ChangeReplay.mirror(ours);
        for (int step = 0; step < 400; step++) {
            int modulus = 2 + random.nextInt(5);
            int remainder = random.nextInt(modulus);
            Predicate<Integer> filter = n -> n % modulus == remainder;
            switch (random.nextInt(9)) {
                case 0 -> {
                    ours.setPredicate(filter);
                    current = filter;
                }
                case 1 -> {
                    // An answer found elsewhere, for the source as it stands.
                    int[] positions = positions(sorted, filter);
                    assertThat(ours.showPositions(ours.sourceVersion(), positions, count(sorted, filter), filter))
                            .isTrue();
                    current = filter;
                }
                case 2 -> {
                    // An answer found for an older source is not taken: the filter tests every row instead.
                    int[] stale = positions(sorted, n -> true);
                    long version = ours.sourceVersion();
                    rows.add(random.nextInt(1_000));
                    assertThat(ours.showPositions(version, stale, sorted.size() - 1, filter)).isFalse();
                    current = filter;
                }
                case 3 -> rows.add(random.nextInt(rows.size() + 1), random.nextInt(1_000));
                case 4 -> {
                    List<Integer> more = new ArrayList<>();
                    for (int i = random.nextInt(30); i > 0; i--) {
                        more.add(random.nextInt(1_000));
                    }
                    rows.addAll(more);
                }
                case 5 -> {
                    if (!rows.isEmpty()) {
                        int from = random.nextInt(rows.size());
                        rows.remove(from, Math.min(rows.size(), from + random.nextInt(20)));
                    }
                }
                case 6 -> {
                    if (!rows.isEmpty()) {
                        rows.set(random.nextInt(rows.size()), random.nextInt(1_000));
                    }
                }
                case 7 -> sorted.setComparator(random.nextBoolean() ? Comparator.reverseOrder()
                        : Comparator.naturalOrder());
                default -> {
                    List<Integer> fresh = new ArrayList<>();
                    for (int i = random.nextInt(150); i > 0; i--) {
                        fresh.add(random.nextInt(1_000));
                    }
                    rows.setAll(fresh);
                }
            }
            List<Integer> expected = sorted.stream().filter(current).toList();
            assertThat(ours).as("step %d", step).containsExactlyElementsOf(expected);
            assertThat(replayed).as("step %d, replayed from the changes", step).containsExactlyElementsOf(ours);
            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.getViewIndex(ours.getSourceIndex(i))).isEqualTo(i);
            }
        }
    }

    @Test
    void takingAnAnswerReadsNoRow() {
        List<Integer> reads = new ArrayList<>();
        ObservableList<Integer> rows = FXCollections.observableArrayList(List.of(1, 2, 3, 4, 5, 6));
        ObservableList<Integer> counted = new javafx.collections.transformation.TransformationList<Integer, Integer>(
                rows) {
            @Override
            protected void sourceChanged(ListChangeListener.Change<? extends Integer> c) {
                fireChange(c);
            }

            @Override
            public int getSourceIndex(int index) {
                return index;
            }

            @Override
            public int getViewIndex(int index) {
                return index;
            }

            @Override
            public Integer get(int index) {
                reads.add(index);
                return getSource().get(index);
            }

            @Override
            public int size() {
                return getSource().size();
            }
        };
        IndexFilteredList<Integer> list = new IndexFilteredList<>(counted);
        reads.clear();
        assertThat(list.showPositions(list.sourceVersion(), new int[] {1, 3}, 2, n -> n % 2 == 0)).isTrue();
        assertThat(reads).as("rows read to take the answer").isEmpty();
        assertThat(list).containsExactly(2, 4);
    }

    private static int[] positions(List<Integer> rows, Predicate<Integer> filter) {
        int[] found = new int[rows.size()];
        int count = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (filter.test(rows.get(i))) {
                found[count++] = i;
            }
        }
        return found;
    }

    private static int count(List<Integer> rows, Predicate<Integer> filter) {
        return (int) rows.stream().filter(filter).count();
    }
}
