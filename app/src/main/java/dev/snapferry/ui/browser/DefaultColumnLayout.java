package dev.snapferry.ui.browser;

import java.util.List;

/**
 * The table's columns before the user arranges them: order, visibility and width. On a 1366 px wide screen the
 * table, beside the details pane, shows about 1,040 px: the columns an audit reads (encryption with its KMS key
 * alias, then the tags) come right after what names a snapshot, so that they fit there without scrolling; status,
 * type, cluster, creation time and size follow, and the source snapshot's long ARN is hidden (the table's menu
 * shows it). A column this list does not name keeps its place after these.
 */
final class DefaultColumnLayout {

    /** Engine, account, region, snapshot, encryption and tags: 1,033 px. */
    static final List<ColumnState> COLUMNS = List.of(
            new ColumnState("engineColumn", true, 175),
            new ColumnState("accountColumn", true, 112),
            new ColumnState("regionColumn", true, 108),
            new ColumnState("identifierColumn", true, 228),
            new ColumnState("encryptionColumn", true, 185),
            new ColumnState("tagsColumn", true, 225),
            new ColumnState("statusColumn", true, 170),
            new ColumnState("typeColumn", true, 90),
            new ColumnState("clusterColumn", true, 140),
            new ColumnState("createdColumn", true, 200),
            new ColumnState("sizeColumn", true, 80),
            new ColumnState("sourceColumn", false, 260));

    private DefaultColumnLayout() {
    }
}
