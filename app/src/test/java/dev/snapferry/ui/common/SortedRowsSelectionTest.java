package dev.snapferry.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.beans.property.SimpleStringProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table over the browser's lists (rows, sorted by merging, filtered by position), its items set through the
 * {@link SelectionKeeper}, keeps the user's selection and focus on the same rows while whole regions of rows land
 * among them and are replaced, as they do during a listing: each such change reaches the table as one change of
 * thousands of scattered parts. Without the keeper, JavaFX 25's table leaves its selected positions where they were
 * and the selection passes to other rows (with JavaFX's own SortedList too).
 */
class SortedRowsSelectionTest {

    /** A row: its name is unique, its value orders it (with ties). */
    private record Row(String name, int value) {
    }

    private Stage stage;

    @BeforeEach
    void start() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void selectionAndFocusStayOnTheSameRowsWhileRegionsLandAndAreReplaced() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Random random = new Random(11);
            BulkObservableList<Row> rows = new BulkObservableList<>();
            rows.addAll(rows("a", 20_000, random));
            MergingSortedList<Row> sorted = new MergingSortedList<>(rows, Comparator.comparingInt(Row::value));
            IndexFilteredList<Row> shown = new IndexFilteredList<>(sorted);
            shown.setPredicate(r -> r.value() % 3 != 0);
            TableView<Row> table = new TableView<>();
            SelectionKeeper.setItems(table, shown, Row::name);
            TableColumn<Row, String> name = new TableColumn<>("name");
            name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
            table.getColumns().add(name);
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            stage.setScene(new Scene(table, 400, 600));
            stage.show();

            List<Row> chosen = List.of(shown.get(10), shown.get(7_000), shown.get(12_000));
            // Selected last, the middle row is the lead (the one the details show), neither first nor last in place.
            for (Row row : List.of(chosen.get(2), chosen.get(0), chosen.get(1))) {
                table.getSelectionModel().select(row);
            }
            assertThat(table.getSelectionModel().getSelectedItem()).isEqualTo(chosen.get(1));

            // A region lands: 5,000 rows, scattered through the order.
            rows.addAll(rows("b", 5_000, random));
            assertSelected(table, chosen, chosen.get(1));

            // Another region lands in the middle of the source, then is listed again: out, and new rows in.
            rows.addAll(10_000, rows("c", 4_000, random));
            rows.remove(10_000, 14_000);
            rows.addAll(10_000, rows("c2", 4_000, random));
            assertSelected(table, chosen, chosen.get(1));

            // A region holding a selected row goes: that row leaves the selection, the others stay.
            int at = rows.indexOf(chosen.get(2));
            int from = Math.max(0, at - 1_000);
            int to = Math.min(rows.size(), at + 1_000);
            for (Row kept : chosen.subList(0, 2)) {
                int other = rows.indexOf(kept);
                if (other < at) {
                    from = Math.max(from, other + 1);
                } else {
                    to = Math.min(to, other);
                }
            }
            rows.remove(from, to);
            assertThat(table.getSelectionModel().getSelectedItems())
                    .containsExactlyInAnyOrderElementsOf(chosen.subList(0, 2));
            assertSelected(table, chosen.subList(0, 2), chosen.get(1));

            // A selected row replaced by its successor (the same snapshot, its copy further on), which sorts
            // elsewhere (and still passes the filter): the successor is selected, and is the lead as its
            // predecessor was.
            Row lead = chosen.get(1);
            Row successor = new Row(lead.name(), lead.value() + 3);
            rows.set(rows.indexOf(lead), successor);
            assertThat(table.getSelectionModel().getSelectedItems()).extracting(Row::name)
                    .containsExactlyInAnyOrder(chosen.get(0).name(), lead.name());
            assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(successor);

            // A search that still shows them (the filter replaced whole): they stay selected.
            List<Row> kept = List.of(chosen.get(0), successor);
            shown.setPredicate(r -> r.value() % 7 == 0 || kept.contains(r));
            assertSelected(table, kept, successor);
        }).get();
    }

    /** {@code chosen} selected, {@code focused} the lead and the focus. */
    private static void assertSelected(TableView<Row> table, List<Row> chosen, Row focused) {
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactlyInAnyOrderElementsOf(chosen);
        for (int index : table.getSelectionModel().getSelectedIndices()) {
            assertThat(chosen).contains(table.getItems().get(index));
        }
        assertThat(table.getSelectionModel().getSelectedIndices()).hasSize(chosen.size());
        assertThat(table.getSelectionModel().getSelectedItem()).as("the lead").isEqualTo(focused);
        assertThat(table.getFocusModel().getFocusedItem()).isEqualTo(focused);
        assertThat(table.getItems().get(table.getFocusModel().getFocusedIndex())).isEqualTo(focused);
    }

    private static List<Row> rows(String prefix, int count, Random random) {
        List<Row> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Row(prefix + i, random.nextInt(1_000_000)));
        }
        return rows;
    }
}
