package dev.snapferry.core.coverage;

import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Snapshots by age band, per engine and account, with their estimated monthly cost. */
public final class AgeReport {

    /** The bands, youngest first. A snapshot without a creation time is in none. */
    public enum Band {
        UNDER_1_DAY(Duration.ZERO, Duration.ofDays(1)),
        DAYS_1_TO_30(Duration.ofDays(1), Duration.ofDays(30)),
        DAYS_30_TO_90(Duration.ofDays(30), Duration.ofDays(90)),
        DAYS_90_TO_365(Duration.ofDays(90), Duration.ofDays(365)),
        OVER_1_YEAR(Duration.ofDays(365), Duration.ofDays(365L * 1000));

        private final Duration from;
        private final Duration to;

        Band(Duration from, Duration to) {
            this.from = from;
            this.to = to;
        }

        /** The band of a snapshot {@code age} old: from inclusive, to exclusive. */
        public static Band of(Duration age) {
            for (Band band : values()) {
                if (age.compareTo(band.to) < 0 && age.compareTo(band.from) >= 0) {
                    return band;
                }
            }
            return age.isNegative() ? UNDER_1_DAY : OVER_1_YEAR;
        }
    }

    /** One cell: an engine, an account, a band, its snapshots (ARNs) and their cost. */
    public record Row(Engine engine, String accountId, Band band, List<String> arns, Cost cost) {
        public Row {
            arns = List.copyOf(arns);
        }
    }

    private AgeReport() {
    }

    /** The rows with at least one snapshot, by engine, account and band. */
    public static List<Row> of(Collection<Snapshot> snapshots, PriceTable prices, Instant now) {
        record Cell(Engine engine, String account, Band band) {
        }
        Map<String, List<Snapshot>> cells = new TreeMap<>();
        Map<String, Cell> keys = new TreeMap<>();
        for (Snapshot s : snapshots) {
            if (s.createTime() == null || s.isForeign()) {
                continue;
            }
            Band band = Band.of(Duration.between(s.createTime(), now));
            String key = s.engine().ordinal() + "/" + s.accountId() + "/" + band.ordinal();
            keys.putIfAbsent(key, new Cell(s.engine(), s.accountId(), band));
            cells.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Row> rows = new ArrayList<>();
        cells.forEach((key, list) -> {
            Cell cell = java.util.Objects.requireNonNull(keys.get(key));
            rows.add(new Row(cell.engine(), cell.account(), cell.band(), list.stream().map(Snapshot::arn).toList(),
                    Cost.sum(list, prices)));
        });
        return rows;
    }
}
