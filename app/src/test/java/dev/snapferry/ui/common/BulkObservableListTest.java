package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The catalog's row list holds what a plain list would through every change, and reports each change truly. */
class BulkObservableListTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void holdsWhatAPlainListHoldsAndReportsItsChanges(long seed) {
        Random random = new Random(seed);
        BulkObservableList<Integer> list = new BulkObservableList<>();
        List<Integer> oracle = new ArrayList<>();
        List<Integer> replayed = ChangeReplay.mirror(list);
        for (int step = 0; step < 400; step++) {
            switch (random.nextInt(10)) {
                case 0 -> {
                    int at = random.nextInt(oracle.size() + 1);
                    List<Integer> more = numbers(random, random.nextInt(50));
                    list.addAll(at, more);
                    oracle.addAll(at, more);
                }
                case 1 -> {
                    List<Integer> more = numbers(random, random.nextInt(20));
                    list.addAll(more);
                    oracle.addAll(more);
                }
                case 2 -> {
                    if (!oracle.isEmpty()) {
                        int from = random.nextInt(oracle.size());
                        int to = Math.min(oracle.size(), from + random.nextInt(40));
                        list.remove(from, to);
                        oracle.subList(from, to).clear();
                    }
                }
                case 3 -> {
                    int at = random.nextInt(oracle.size() + 1);
                    int n = random.nextInt(100);
                    list.add(at, n);
                    oracle.add(at, n);
                }
                case 4 -> {
                    if (!oracle.isEmpty()) {
                        int at = random.nextInt(oracle.size());
                        int n = random.nextInt(100);
                        list.set(at, n);
                        oracle.set(at, n);
                    }
                }
                case 5 -> {
                    Set<Integer> gone = Set.copyOf(numbers(random, 10));
                    list.removeAll(gone);
                    oracle.removeAll(gone);
                }
                case 6 -> {
                    if (!oracle.isEmpty()) {
                        int from = random.nextInt(oracle.size());
                        int to = Math.min(oracle.size(), from + random.nextInt(40));
                        list.subList(from, to).clear();
                        oracle.subList(from, to).clear();
                    }
                }
                case 7 -> {
                    List<Integer> all = numbers(random, random.nextInt(120));
                    list.setAll(all);
                    oracle.clear();
                    oracle.addAll(all);
                }
                case 8 -> {
                    int from = random.nextInt(oracle.size() + 1);
                    int to = Math.min(oracle.size(), from + random.nextInt(30));
                    List<Integer> replacement = numbers(random, random.nextInt(30));
                    list.replace(from, to, replacement);
                    oracle.subList(from, to).clear();
                    oracle.addAll(from, replacement);
                }
                default -> {
                    if (random.nextInt(10) == 0) {
                        list.clear();
                        oracle.clear();
                    }
                }
            }
            assertThat(list).as("step %d", step).containsExactlyElementsOf(oracle);
            assertThat(replayed).as("step %d, replayed", step).containsExactlyElementsOf(oracle);
        }
    }

    @Test
    void aRunAddedOrRemovedIsOnePart() {
        BulkObservableList<Integer> list = new BulkObservableList<>();
        list.addAll(numbers(new Random(1), 1_000));
        List<String> parts = new ArrayList<>();
        list.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                parts.add(c.getFrom() + ".." + c.getTo() + " -" + c.getRemovedSize());
            }
        });
        list.addAll(400, numbers(new Random(2), 300));
        list.remove(100, 600);
        assertThat(parts).containsExactly("400..700 -0", "100..100 -500");
        assertThat(list).hasSize(800);
    }

    private static List<Integer> numbers(Random random, int count) {
        List<Integer> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(random.nextInt(100));
        }
        return numbers;
    }
}
