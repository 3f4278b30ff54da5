package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser's sorted rows are the source's rows in the comparator's order, ties in the source's order, through every
 * kind of change of the source and of the order; the changes it reports, and those of the filter above it, replay
 * to the same rows (which is what the table does with them).
 */
class MergingSortedListTest {

    /** Orders with many ties (by tens), reversed, and none at all (the source's order). */
    private static final List<Comparator<Integer>> ORDERS = List.of(Comparator.comparingInt(n -> n / 10),
            Comparator.<Integer>comparingInt(n -> n / 10).reversed(), Comparator.naturalOrder());

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void isTheSourceSortedStablyThroughEveryChange(long seed) {
        Random random = new Random(seed);
        ObservableList<Integer> rows = FXCollections.observableArrayList();
        for (int i = 0; i < 300; i++) {
            rows.add(random.nextInt(1_000));
        }
        MergingSortedList<Integer> sorted = new MergingSortedList<>(rows, ORDERS.getFirst());
        IndexFilteredList<Integer> filtered = new IndexFilteredList<>(sorted);
        Predicate<Integer> filter = n -> true;
        List<Integer> sortedReplayed = ChangeReplay.mirror(sorted);
        List<Integer> filteredReplayed = ChangeReplay.mirror(filtered);
        for (int step = 0; step < 500; step++) {
            switch (random.nextInt(12)) {
                case 0 -> rows.add(random.nextInt(rows.size() + 1), random.nextInt(1_000));
                // Many rows at once, somewhere in the source: a region's listing landing.
                case 1 -> rows.addAll(random.nextInt(rows.size() + 1), numbers(random, random.nextInt(400)));
                case 2 -> rows.addAll(numbers(random, random.nextInt(40)));
                case 3 -> {
                    if (!rows.isEmpty()) {
                        int from = random.nextInt(rows.size());
                        rows.remove(from, Math.min(rows.size(), from + random.nextInt(200)));
                    }
                }
                case 4 -> {
                    if (!rows.isEmpty()) {
                        rows.set(random.nextInt(rows.size()), random.nextInt(1_000));
                    }
                }
                // Scattered removals and keeps: one change of many parts.
                case 5 -> rows.removeAll(Set.copyOf(numbers(random, 60)));
                case 6 -> rows.retainAll(new HashSet<>(numbers(random, 700)));
                case 7 -> rows.setAll(numbers(random, random.nextInt(500)));
                case 8 -> {
                    Comparator<Integer> order = random.nextInt(4) == 0 ? null
                            : ORDERS.get(random.nextInt(ORDERS.size()));
                    sorted.comparatorProperty().set(order);
                }
                case 9 -> {
                    int modulus = 2 + random.nextInt(4);
                    int remainder = random.nextInt(modulus);
                    filter = n -> n % modulus == remainder;
                    filtered.setPredicate(filter);
                }
                // The source put in another order: reported as a permutation.
                case 10 -> FXCollections.sort(rows, random.nextBoolean() ? Comparator.<Integer>naturalOrder()
                        : Comparator.<Integer>reverseOrder());
                default -> {
                    // The catalog's way of replacing a region: its rows out, then the new ones in at the same place.
                    if (rows.size() > 10) {
                        int from = random.nextInt(rows.size() - 10);
                        int count = random.nextInt(Math.min(300, rows.size() - from));
                        rows.remove(from, from + count);
                        rows.addAll(from, numbers(random, random.nextInt(300)));
                    }
                }
            }
            List<Integer> expected = new ArrayList<>(rows);
            Comparator<? super Integer> order = sorted.comparatorProperty().get();
            if (order != null) {
                expected.sort(order);
            }
            assertThat(sorted).as("step %d", step).containsExactlyElementsOf(expected);
            assertThat(sortedReplayed).as("step %d, replayed", step).containsExactlyElementsOf(sorted);
            assertThat(filtered).as("step %d, filtered", step)
                    .containsExactlyElementsOf(expected.stream().filter(filter).toList());
            assertThat(filteredReplayed).as("step %d, filtered, replayed", step)
                    .containsExactlyElementsOf(filtered);
            Set<Integer> sourcePositions = new HashSet<>();
            for (int i = 0; i < sorted.size(); i++) {
                int at = sorted.getSourceIndex(i);
                assertThat(rows.get(at)).isEqualTo(sorted.get(i));
                assertThat(sorted.getViewIndex(at)).isEqualTo(i);
                sourcePositions.add(at);
                if (i > 0 && (order == null || order.compare(sorted.get(i - 1), sorted.get(i)) == 0)) {
                    assertThat(sorted.getSourceIndex(i - 1)).as("step %d: ties keep the source's order", step)
                            .isLessThan(at);
                }
            }
            assertThat(sourcePositions).hasSize(rows.size());
        }
    }

    /** 5,000 rows landing among 95,000 arrive as one change, its parts ascending, each at its row's place. */
    @Test
    void aRegionLandingIsOneChangeOfScatteredParts() {
        Random random = new Random(7);
        ObservableList<Integer> rows = FXCollections.observableArrayList(numbers(random, 95_000, 10_000_000));
        MergingSortedList<Integer> sorted = new MergingSortedList<>(rows, Comparator.naturalOrder());
        List<ListChangeListener.Change<? extends Integer>> changes = new ArrayList<>();
        List<int[]> parts = new ArrayList<>();
        sorted.addListener((ListChangeListener<Integer>) c -> {
            changes.add(c);
            while (c.next()) {
                assertThat(c.wasAdded() && !c.wasRemoved()).isTrue();
                parts.add(new int[] {c.getFrom(), c.getTo()});
            }
        });
        List<Integer> region = numbers(random, 5_000, 10_000_000);
        rows.addAll(40_000, region);
        assertThat(changes).hasSize(1);
        assertThat(parts.stream().mapToInt(p -> p[1] - p[0]).sum()).isEqualTo(5_000);
        assertThat(parts.size()).as("scattered among the rows, not one block").isGreaterThan(1_000);
        for (int i = 1; i < parts.size(); i++) {
            assertThat(parts.get(i)[0]).isGreaterThan(parts.get(i - 1)[1]);
        }
        List<Integer> expected = new ArrayList<>(rows);
        expected.sort(Comparator.naturalOrder());
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    /**
     * A change's last part stays readable after {@code next()} has returned false, as with JavaFX's own changes:
     * the table's selection model reads it there (a cross-account copy's listing once failed on it).
     */
    @Test
    void theLastPartStaysReadableAfterTheLastNext() {
        ObservableList<Integer> rows = FXCollections.observableArrayList(List.of(10, 30, 50));
        MergingSortedList<Integer> sorted = new MergingSortedList<>(rows, Comparator.naturalOrder());
        List<String> read = new ArrayList<>();
        sorted.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                read.add("part at " + c.getFrom());
            }
            read.add("after: " + c.getFrom() + ", removed " + c.wasRemoved() + ", added " + c.getAddedSize());
        });
        rows.addAll(List.of(20, 40));
        assertThat(read).containsExactly("part at 1", "part at 3", "after: 3, removed false, added 1");
    }

    /** A row updated in place (a list with an extractor) takes its new place, with a change that replays. */
    @Test
    void aRowUpdatedInPlaceMovesToItsNewPlace() {
        List<javafx.beans.property.IntegerProperty> values = new ArrayList<>();
        for (int v : List.of(5, 1, 9, 3)) {
            values.add(new javafx.beans.property.SimpleIntegerProperty(v));
        }
        ObservableList<javafx.beans.property.IntegerProperty> rows = FXCollections.observableArrayList(
                p -> new javafx.beans.Observable[] {p});
        rows.addAll(values);
        MergingSortedList<javafx.beans.property.IntegerProperty> sorted = new MergingSortedList<>(rows,
                Comparator.comparingInt(javafx.beans.property.IntegerProperty::get));
        List<javafx.beans.property.IntegerProperty> replayed = ChangeReplay.mirror(sorted);
        values.get(2).set(0);
        assertThat(sorted.stream().map(javafx.beans.property.IntegerProperty::get).toList())
                .containsExactly(0, 1, 3, 5);
        assertThat(replayed).containsExactlyElementsOf(sorted);
    }

    private static List<Integer> numbers(Random random, int count) {
        return numbers(random, count, 1_000);
    }

    private static List<Integer> numbers(Random random, int count, int bound) {
        List<Integer> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(random.nextInt(bound));
        }
        return numbers;
    }
}
