package dev.snapferry.sim;

/** Fills a fresh simulator with clusters, snapshots and keys. */
@FunctionalInterface
public interface Dataset {

    Dataset EMPTY = ctx -> {
    };

    void populate(SimContext ctx);
}
