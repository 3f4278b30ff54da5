package dev.snapferry.ui.audit;

import dev.snapferry.core.audit.Audit;
import dev.snapferry.core.audit.Exposure;
import dev.snapferry.core.aws.AwsErrors;
import dev.snapferry.core.aws.AwsFailure;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.catalog.SnapshotActions;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.TaskRunner;
import dev.snapferry.ui.common.TaskRunner.Outcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads who may restore each of this account's manual snapshots (its {@code restore} attribute), a few at a time
 * through the task runner, and remembers the answers for the audit. A snapshot is asked about once: one whose read
 * failed counts as "not checked" until the user asks to check sharing again. Used on the UI thread only.
 */
final class SharingReader {

    /** Enough to hide the latency of a region far away without drawing AWS's throttling. */
    static final int READS_AT_ONCE = 8;

    /** Hears how a read goes, on the UI thread. */
    interface Listener {

        /** A read of {@code count} snapshots begins: called before any of them is answered. */
        void started(int count);

        /** One more snapshot was answered; {@code share} of them so far, 0 to 1. */
        void progressed(double share);

        /**
         * Every snapshot was answered.
         *
         * @param failures why each failed read failed, in the order they failed
         */
        void finished(int read, List<String> failures);
    }

    private static final Logger LOG = LoggerFactory.getLogger(SharingReader.class);

    private final SnapshotActions actions;
    private final TaskRunner tasks;
    private final ErrorPresenter errors;
    /** The {@code restore} attribute of the snapshots read so far, by ARN. */
    private final Map<String, Exposure> exposure = new HashMap<>();
    /** ARNs whose attribute was asked for (read or failed): not asked again until {@link #forget}. */
    private final Set<String> asked = new HashSet<>();
    private boolean reading;

    SharingReader(SnapshotActions actions, TaskRunner tasks, ErrorPresenter errors) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * A sharing read that failed, once, at warning level: the snapshot then counts as "not checked", and the log
     * says where and AWS's code ({@code DescribeDBClusterSnapshotAttributes} is an RDS API call).
     */
    private static void log(Snapshot snapshot, Throwable error) {
        AwsFailure failure = AwsErrors.map(error);
        LOG.warn("Sharing of {} not read: {} {} rds: {} {}: {}", snapshot.arn(), snapshot.accountId(),
                snapshot.region().code(), failure.getClass().getSimpleName(),
                failure.awsCode().isEmpty() ? "(no AWS code)" : failure.awsCode(), failure.awsMessage());
    }

    boolean isReading() {
        return reading;
    }

    /** What was read so far, for an audit computed in the background. */
    Map<String, Exposure> known() {
        return Map.copyOf(exposure);
    }

    /** Takes what a fix learnt from AWS (a snapshot made private), as if it had been read. */
    void remember(Map<String, Exposure> learnt) {
        exposure.putAll(learnt);
    }

    /** Forgets every answer, so that the next {@link #readUnknown} asks about every snapshot again. */
    void forget() {
        exposure.clear();
        asked.clear();
    }

    /**
     * Reads the shareable snapshots of {@code snapshots} not asked about yet, unless a read is running. When there
     * is nothing to read, {@code listener} hears nothing.
     */
    void readUnknown(List<Snapshot> snapshots, Listener listener) {
        if (reading) {
            return;
        }
        List<Snapshot> unknown = snapshots.stream().filter(Audit::shareable).filter(s -> !asked.contains(s.arn()))
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(s -> asked.add(s.arn()));
        reading = true;
        listener.started(unknown.size());
        // The answers join what is known only at the end, in one step, as the audit that follows is computed once.
        Map<String, Exposure> read = new HashMap<>();
        List<String> failures = new ArrayList<>();
        tasks.runEach("read sharing", unknown, READS_AT_ONCE, s -> new Exposure(actions.restoreAccounts(s)),
                (s, outcome) -> {
                    switch (outcome) {
                        case Outcome.Done<Exposure> done -> read.put(s.arn(), done.value());
                        case Outcome.Failed<Exposure> failed -> {
                            failures.add(errors.describe(failed.error()));
                            log(s, failed.error());
                        }
                    }
                    listener.progressed((double) (read.size() + failures.size()) / unknown.size());
                }, () -> {
                    reading = false;
                    exposure.putAll(read);
                    listener.finished(read.size(), failures);
                });
    }
}
