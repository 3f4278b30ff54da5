package dev.snapferry.ui.browser;

import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.core.model.EngineFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotState;
import dev.snapferry.core.model.Tag;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.SteadyCells;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.SVGPath;
import org.jspecify.annotations.Nullable;

/** The browser table's cells: how each column draws a snapshot. */
final class BrowserCells {

    /** A closed padlock, from one SVG source so it scales with the font. */
    private static final String LOCK = "M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z";
    private static final String OPEN_LOCK = "M4 7V5a4 4 0 0 1 7.7-1.5l-1.8.8A2 2 0 0 0 6 5v2h7v8H3V7h1z";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final PseudoClass QUEUED = PseudoClass.getPseudoClass("queued");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass UNENCRYPTED = PseudoClass.getPseudoClass("unencrypted");
    private static final PseudoClass AWS_MANAGED_KEY = PseudoClass.getPseudoClass("aws-managed-key");

    private final Messages messages;
    private final Clock clock;

    BrowserCells(Messages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /** Where a column keeps the order of its rows (see {@link #rowOrder}). */
    private static final String ROW_ORDER = "snapferry.rowOrder";

    /**
     * Text in any case, then case breaking ties: for the identifiers, regions and words of these columns the order
     * a collator gives, without a collator's cost on each of the two million comparisons of a 100,000-row sort.
     */
    private static final Comparator<@Nullable String> TEXT = Comparator.nullsFirst(
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));

    /** A text column: {@code text} of the row's snapshot, also used to sort it. */
    static void text(TableColumn<SnapshotRow, String> column, Function<Snapshot, @Nullable String> text) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue().snapshot())));
        column.setComparator(TEXT);
        column.setCellFactory(SteadyCells.text());
        column.getProperties().put(ROW_ORDER, new TextOrder(text, false));
    }

    /**
     * The identifier column: sorted by the rows' lower-cased identifiers ({@link SnapshotRow#identifierKey}), then
     * by the identifiers themselves, which is {@link #TEXT}'s order for identifiers (ASCII, as AWS allows them).
     */
    static void identifier(TableColumn<SnapshotRow, String> column) {
        text(column, Snapshot::identifier);
        column.getProperties().put(ROW_ORDER, new IdentifierOrder(false));
    }

    /** Rows by identifier, either way: a comparison of the rows' lower-cased keys, then of the identifiers. */
    private record IdentifierOrder(boolean descending) implements Comparator<SnapshotRow> {

        @Override
        public int compare(SnapshotRow a, SnapshotRow b) {
            int order = a.identifierKey().compareTo(b.identifierKey());
            if (order == 0) {
                order = a.snapshot().identifier().compareTo(b.snapshot().identifier());
            }
            return descending ? -order : order;
        }

        @Override
        public Comparator<SnapshotRow> reversed() {
            return new IdentifierOrder(!descending);
        }
    }

    /**
     * Rows in the order of a text of their snapshots ({@link #TEXT}'s order), either way, in one class instead of
     * a chain of library comparators (a reversed, keyed, null-first, then-comparing chain is four or five calls
     * the compiler cannot always inline, on each of the two million comparisons of a 100,000-row sort).
     */
    private record TextOrder(Function<Snapshot, @Nullable String> text, boolean descending)
            implements Comparator<SnapshotRow> {

        @Override
        public int compare(SnapshotRow a, SnapshotRow b) {
            int order = compareText(text.apply(a.snapshot()), text.apply(b.snapshot()));
            return descending ? -order : order;
        }

        private static int compareText(@Nullable String x, @Nullable String y) {
            if (x == y) {
                // Rows of one region (or account) share the text: most comparisons of a sort by region end here.
                return 0;
            }
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : -1) : 1;
            }
            int order = String.CASE_INSENSITIVE_ORDER.compare(x, y);
            return order != 0 ? order : x.compareTo(y);
        }

        @Override
        public Comparator<SnapshotRow> reversed() {
            return new TextOrder(text, !descending);
        }
    }

    /** A column whose value is the snapshot, drawn by {@code cell}, sorted by {@code comparator}. */
    static void snapshot(TableColumn<SnapshotRow, Snapshot> column, Comparator<Snapshot> comparator,
                         java.util.function.Supplier<TableCell<SnapshotRow, Snapshot>> cell) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().snapshot()));
        column.setComparator(comparator);
        column.setCellFactory(c -> cell.get());
        column.getProperties().put(ROW_ORDER, Comparator.comparing(SnapshotRow::snapshot, comparator));
    }

    /**
     * The order of the table's sort columns, comparing rows directly. The table's own comparator asks each column
     * for both rows' cell values on every comparison (a new observable value each time), which makes a sort of
     * 100,000 rows several times slower; this one gives the same order. Null when nothing is sorted, or when a
     * column was not made here (the table's comparator then serves).
     */
    static @Nullable Comparator<SnapshotRow> rowOrder(List<TableColumn<SnapshotRow, ?>> sortOrder) {
        Comparator<SnapshotRow> order = null;
        for (TableColumn<SnapshotRow, ?> column : sortOrder) {
            @SuppressWarnings("unchecked")
            Comparator<SnapshotRow> byColumn = (Comparator<SnapshotRow>) column.getProperties().get(ROW_ORDER);
            if (byColumn == null) {
                return null;
            }
            if (column.getSortType() == TableColumn.SortType.DESCENDING) {
                byColumn = byColumn.reversed();
            }
            order = order == null ? byColumn : order.thenComparing(byColumn);
        }
        return order;
    }

    TableCell<SnapshotRow, Snapshot> engine() {
        return new SteadyCells.Cell<>() {
            private final Label dot = new Label();

            private @Nullable EngineFamily drawn;

            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                // Restyling only on change: a new style class means a CSS pass for the node.
                if (s.engine().family() != drawn) {
                    drawn = s.engine().family();
                    dot.getStyleClass().setAll("engine-dot", "engine-" + drawn.name().toLowerCase(Locale.ROOT));
                }
                setGraphic(dot);
                setText(messages.get("engine." + s.engine().name()));
            }
        };
    }

    TableCell<SnapshotRow, Snapshot> status() {
        return new SteadyCells.Cell<>() {
            private final ProgressBar bar = new ProgressBar();
            private final Label label = new SteadyCells.SteadyLabel();
            private final HBox box = new HBox(6, bar, label);

            {
                bar.setPrefWidth(70);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                SnapshotState state = empty || s == null ? null : s.status().state();
                // Pseudo-classes, not style classes: a cell showing another row in the same state changes nothing,
                // and a change of state is a cheap change of look, not a new style lookup for the cell and its
                // children (which a style class is, even when removed and added back).
                pseudoClassStateChanged(QUEUED, state == SnapshotState.QUEUED);
                pseudoClassStateChanged(FAILED, state == SnapshotState.FAILED);
                if (state == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                switch (state) {
                    case COPYING, CREATING -> {
                        bar.setProgress(s.engine().api() == dev.snapferry.core.model.ApiFamily.DOCDB_ELASTIC
                                ? ProgressBar.INDETERMINATE_PROGRESS : s.status().percent() / 100.0);
                        label.setText(s.engine().api() == dev.snapferry.core.model.ApiFamily.DOCDB_ELASTIC
                                ? word(s) : messages.get("browser.status.progress", word(s), s.status().percent()));
                        setText(null);
                        setGraphic(box);
                    }
                    case QUEUED -> {
                        setGraphic(null);
                        setText(messages.get("browser.status.queued"));
                    }
                    default -> {
                        setGraphic(null);
                        setText(word(s));
                    }
                }
            }
        };
    }

    /**
     * The status in one vocabulary for every engine (DocumentDB Elastic's ACTIVE reads "available" like the RDS
     * family's), with AWS's own word kept where it says more (a failure's kind, a status Snapferry does not know).
     * The details pane shows AWS's raw value.
     */
    private String word(Snapshot s) {
        String raw = s.status().raw();
        return switch (s.status().state()) {
            case AVAILABLE, CREATING, COPYING, QUEUED, DELETING -> messages.get("browser.status."
                    + s.status().state().name());
            case FAILED -> raw.equalsIgnoreCase("failed") || raw.isBlank() ? messages.get("browser.status.FAILED")
                    : raw;
            case OTHER -> raw;
        };
    }

    TableCell<SnapshotRow, Snapshot> created() {
        return new SteadyCells.Cell<>() {
            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                Instant time = empty || s == null ? null : s.createTime();
                setText(time == null ? null : LOCAL.format(time.atZone(ZoneId.systemDefault())) + "  \u00b7  "
                        + age(time));
            }
        };
    }

    TableCell<SnapshotRow, Snapshot> encryption() {
        return new SteadyCells.Cell<>() {
            // One icon whose outline changes (a padlock, open when unencrypted), coloured by the cell's
            // pseudo-classes: swapping two icons would add a node to the scene, and a new style lookup, each time.
            private final SVGPath icon = icon(LOCK, "lock-icon");

            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                boolean shown = !empty && s != null;
                pseudoClassStateChanged(UNENCRYPTED, shown && !s.storageEncrypted());
                pseudoClassStateChanged(AWS_MANAGED_KEY, shown && s.storageEncrypted() && s.kmsKeyAlias() != null
                        && !s.isUnknown(Snapshot.Detail.KMS_KEY) && s.awsManagedKey());
                if (!shown) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String outline = s.storageEncrypted() ? LOCK : OPEN_LOCK;
                if (!outline.equals(icon.getContent())) {
                    icon.setContent(outline);
                }
                setGraphic(icon);
                if (!s.storageEncrypted()) {
                    setText(messages.get("browser.encryption.none"));
                } else if (s.isUnknown(Snapshot.Detail.KMS_KEY)) {
                    // Not read (DocumentDB Elastic's details failed): never shown as if there were no key.
                    setText(messages.get("browser.encryption.keyUnknown"));
                } else if (s.kmsKeyAlias() != null) {
                    String alias = s.kmsKeyAlias().replaceFirst("^alias/", "");
                    setText(s.awsManagedKey() ? messages.get("browser.encryption.awsManaged", alias) : alias);
                } else if (s.kmsKeyId() != null) {
                    setText(messages.get(s.isUnknown(Snapshot.Detail.KMS_ALIAS) ? "browser.encryption.aliasUnknown"
                            : "browser.encryption.unresolved", shortKey(s.kmsKeyId())));
                } else {
                    setText(messages.get("browser.encryption.elastic"));
                }
            }
        };
    }

    TableCell<SnapshotRow, Snapshot> tags() {
        return new SteadyCells.Cell<>() {
            private final HBox chips = new HBox(4);
            private final Label unknown = unknownLabel();
            /** One tooltip per cell, its text changed with the row: a new tooltip per row is a new popup control. */
            private final Tooltip tooltip = new Tooltip();
            private final Tooltip unknownTooltip = new Tooltip(messages.get("browser.tags.unknown.tooltip"));
            private java.util.List<Tag> drawn = java.util.List.of();

            @Override
            protected void updateItem(Snapshot s, boolean empty) {
                super.updateItem(s, empty);
                if (!empty && s != null && s.isUnknown(Snapshot.Detail.TAGS)) {
                    // Not read: an empty cell would read as "no tags".
                    setGraphic(unknown);
                    setTooltip(unknownTooltip);
                    drawn = java.util.List.of();
                    return;
                }
                if (empty || s == null || s.tags().isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                    drawn = java.util.List.of();
                    return;
                }
                if (s.tags() != drawn) {
                    // Rows share one tag list per distinct set of tags: redrawn only when it differs. The chips
                    // are kept and relabelled (a spare one is hidden, not removed), so that showing another row
                    // adds no node to the scene, and no new style lookup.
                    drawn = s.tags();
                    List<javafx.scene.Node> shown = chips.getChildren();
                    while (shown.size() < drawn.size()) {
                        Label chip = new Label();
                        chip.getStyleClass().add("tag-chip");
                        shown.add(chip);
                    }
                    for (int i = 0; i < shown.size(); i++) {
                        Label chip = (Label) shown.get(i);
                        boolean used = i < drawn.size();
                        if (used) {
                            Tag tag = drawn.get(i);
                            chip.setText(tag.key() + "=" + tag.value());
                        }
                        chip.setVisible(used);
                        chip.setManaged(used);
                    }
                    tooltip.setText(drawn.stream().map(t -> t.key() + " = " + t.value())
                            .collect(Collectors.joining("\n")));
                }
                setGraphic(chips);
                setTooltip(tooltip);
            }
        };
    }

    private Label unknownLabel() {
        Label label = new Label(messages.get("browser.unknown"));
        label.getStyleClass().add("unknown-value");
        return label;
    }

    private static SVGPath icon(String path, String style) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add(style);
        return icon;
    }

    String age(Instant time) {
        Duration age = Duration.between(time, clock.instant());
        if (age.toHours() < 1) {
            return messages.get("browser.age.minutes", Math.max(0, age.toMinutes()));
        }
        if (age.toDays() < 2) {
            return messages.get("browser.age.hours", age.toHours());
        }
        return messages.get("browser.age.days", age.toDays());
    }

    static String shortKey(String keyId) {
        int slash = keyId.lastIndexOf('/');
        String id = slash < 0 ? keyId : keyId.substring(slash + 1);
        return id.length() > 8 ? id.substring(0, 8) + "\u2026" : id;
    }
}
