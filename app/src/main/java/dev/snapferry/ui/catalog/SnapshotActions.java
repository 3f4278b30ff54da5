package dev.snapferry.ui.catalog;

import dev.snapferry.core.model.Snapshot;

/**
 * What the browser can change on AWS for a selected snapshot. Each call blocks (the ViewModel runs it off the UI
 * thread) and throws {@code AwsCallException} when AWS refuses.
 */
public interface SnapshotActions {

    /** Deletes a manual snapshot, or cancels a copy by deleting its target. */
    void delete(Snapshot snapshot);

    /** Takes a manual snapshot named {@code identifier}, tagged, of the cluster {@code of} was taken from. */
    Snapshot createFromClusterOf(Snapshot of, String identifier, java.util.List<dev.snapferry.core.model.Tag> tags);

    /** Sets {@code put} (new keys, or new values of existing keys), then removes the {@code removed} keys. */
    void editTags(Snapshot snapshot, java.util.List<dev.snapferry.core.model.Tag> put, java.util.List<String> removed);

    /** Who besides the owner may restore a manual snapshot (its {@code restore} attribute; {@code all} = anyone). */
    java.util.Set<String> restoreAccounts(Snapshot snapshot);

    /** Stops sharing a snapshot with everyone; returns the {@code restore} attribute as AWS now has it. */
    java.util.Set<String> makePrivate(Snapshot snapshot);

    /**
     * Lets the {@code add} accounts restore a manual snapshot and stops the {@code remove} ones ({@code all}: anyone),
     * in one change; returns the {@code restore} attribute as AWS now has it.
     */
    java.util.Set<String> share(Snapshot snapshot, java.util.Collection<String> add,
                                java.util.Collection<String> remove);

    /** The policy of the snapshot's KMS key (GetKeyPolicy, {@code default}), asked of its owner's account. */
    String keyPolicy(Snapshot snapshot);
}
