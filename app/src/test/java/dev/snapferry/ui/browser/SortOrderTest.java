package dev.snapferry.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.ui.catalog.SnapshotRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import javafx.scene.control.TableColumn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A click on a header sorts the rows with the browser's own comparators of rows (which skip the table's cell
 * values, and for identifiers compare lower-cased keys); the order must be the one the table's column comparator
 * gives its cell values, either way, identifiers in mixed case and ties included.
 */
class SortOrderTest {

    private static final String LETTERS = "abcXYZ-09";

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void theRowsComparatorsOrderRowsAsTheColumnsComparatorsOrderTheirText(long seed) {
        Random random = new Random(seed);
        List<SnapshotRow> rows = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            rows.add(new SnapshotRow(snapshot(word(random), random.nextBoolean() ? "us-east-1" : "eu-west-1",
                    word(random))));
        }
        TableColumn<SnapshotRow, String> identifier = new TableColumn<>("id");
        BrowserCells.identifier(identifier);
        TableColumn<SnapshotRow, String> region = new TableColumn<>("region");
        BrowserCells.text(region, s -> s.region().code());
        TableColumn<SnapshotRow, String> cluster = new TableColumn<>("cluster");
        BrowserCells.text(cluster, Snapshot::clusterIdentifier);
        for (TableColumn<SnapshotRow, String> column : List.of(identifier, region, cluster)) {
            for (TableColumn.SortType direction : TableColumn.SortType.values()) {
                column.setSortType(direction);
                Comparator<SnapshotRow> ours = BrowserCells.rowOrder(List.of(column));
                assertThat(ours).isNotNull();
                Comparator<SnapshotRow> table = Comparator.comparing(
                        (SnapshotRow r) -> column.getCellValueFactory()
                                .call(new TableColumn.CellDataFeatures<>(null, column, r)).getValue(),
                        column.getComparator());
                if (direction == TableColumn.SortType.DESCENDING) {
                    table = table.reversed();
                }
                List<SnapshotRow> byUs = rows.stream().sorted(ours).toList();
                List<SnapshotRow> byTable = rows.stream().sorted(table).toList();
                assertThat(byUs).as("%s %s", column.getText(), direction).isEqualTo(byTable);
            }
        }
        // Two columns: region, then identifier.
        region.setSortType(TableColumn.SortType.DESCENDING);
        identifier.setSortType(TableColumn.SortType.ASCENDING);
        Comparator<SnapshotRow> ours = BrowserCells.rowOrder(List.of(region, identifier));
        List<SnapshotRow> expected = rows.stream().sorted(Comparator.comparing(
                (SnapshotRow r) -> r.snapshot().region().code(), String.CASE_INSENSITIVE_ORDER).reversed()
                .thenComparing(r -> r.snapshot().identifier(), String.CASE_INSENSITIVE_ORDER
                        .thenComparing(Comparator.naturalOrder()))).toList();
        assertThat(rows.stream().sorted(ours).toList()).isEqualTo(expected);
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder("a");
        for (int i = random.nextInt(4); i > 0; i--) {
            word.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return word.toString();
    }

    private static Snapshot snapshot(String id, String region, String cluster) {
        String arn = "arn:aws:rds:" + region + ":111122223333:cluster-snapshot:" + id;
        return new Snapshot(id, arn, "111122223333", new RegionRef(region), Engine.AURORA_POSTGRESQL, "1", cluster,
                SnapshotType.MANUAL, SnapshotStatus.available(), Instant.EPOCH, false, null, List.of(), null, 10,
                null, null, false);
    }
}
