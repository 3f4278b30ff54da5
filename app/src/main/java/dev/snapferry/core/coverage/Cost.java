package dev.snapferry.core.coverage;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.Collection;
import java.util.OptionalDouble;

/**
 * An upper bound of what some snapshots cost a month, and how many of them could not be priced.
 *
 * <p>Why an upper bound: AWS bills snapshot storage per cluster, not per snapshot; snapshots after the first are
 * incremental, so a snapshot's billed size can be far smaller than its volume; and automated snapshots (and manual
 * ones) inside the retention window are free up to the cluster's size (Aurora User Guide, "Understanding Amazon
 * Aurora backup storage usage"). Each snapshot is priced here as if it were billed in full.
 *
 * @param dollars  the sum for the priced snapshots, $ per month
 * @param gib      their size, GiB
 * @param priced   how many were priced
 * @param unknown  how many were not: no size reported (Aurora, DocumentDB, Neptune and Elastic report none), or no
 *                 price for their engine and region
 */
public record Cost(double dollars, long gib, int priced, int unknown) {

    public static final Cost NONE = new Cost(0, 0, 0, 0);

    /** The monthly upper bound of one snapshot, when its size and price are both known. */
    public static OptionalDouble of(Snapshot s, PriceTable prices) {
        Integer size = s.dataSizeGiB();
        if (size == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble price = prices.storage(s.engine(), s.region());
        return price.isPresent() ? OptionalDouble.of(size * price.getAsDouble()) : OptionalDouble.empty();
    }

    public static Cost sum(Collection<Snapshot> snapshots, PriceTable prices) {
        double dollars = 0;
        long gib = 0;
        int priced = 0;
        int unknown = 0;
        for (Snapshot s : snapshots) {
            OptionalDouble one = of(s, prices);
            if (one.isPresent()) {
                dollars += one.getAsDouble();
                gib += java.util.Objects.requireNonNull(s.dataSizeGiB());
                priced++;
            } else {
                unknown++;
            }
        }
        return new Cost(dollars, gib, priced, unknown);
    }

    /** The one-off transfer charge of copying {@code s} to another region, when size and price are known. */
    public static OptionalDouble transfer(Snapshot s, RegionRef destination, PriceTable prices) {
        Integer size = s.dataSizeGiB();
        if (size == null || destination.equals(s.region())) {
            return size == null ? OptionalDouble.empty() : OptionalDouble.of(0);
        }
        OptionalDouble price = prices.transfer(s.region());
        return price.isPresent() ? OptionalDouble.of(size * price.getAsDouble()) : OptionalDouble.empty();
    }

    public Cost plus(Cost other) {
        return new Cost(dollars + other.dollars, gib + other.gib, priced + other.priced, unknown + other.unknown);
    }
}
