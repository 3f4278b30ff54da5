package dev.snapferry.core.aws;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.docdbelastic.DocDbElasticClient;
import software.amazon.awssdk.services.docdbelastic.model.ClusterInList;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshotInList;
import software.amazon.awssdk.services.rds.model.DBClusterSnapshot;

/**
 * Lists cluster snapshots across accounts and regions. Each (account, region) costs one paginated RDS-family
 * {@code DescribeDBClusterSnapshots} (every RDS, DocumentDB and Neptune snapshot, classified by engine), the
 * DocumentDB Elastic listing and one cached {@code ListAliases}, run side by side. Regions run in parallel with
 * bounded concurrency and each region's result is handed to the listener the moment it is complete, so the first
 * rows show long before the slowest region answers; a failed region is reported alone and never hides the others.
 */
public final class SnapshotLister {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLister.class);

    /**
     * @param includeShared  add snapshots other accounts share with this one
     * @param includePublic  add public snapshots of other accounts
     * @param includeElastic list DocumentDB Elastic too
     * @param elasticDetails  fetch each Elastic snapshot's KMS key and tags (two calls per snapshot), which the
     *                        Elastic list does not carry; the region is reported first without them, then again
     */
    public record Options(boolean includeShared, boolean includePublic, boolean includeElastic,
                          boolean elasticDetails) {
        /** Rows only: each (account, region) is reported once. */
        public static final Options DEFAULT = new Options(true, false, true, false);
        /** Rows, then Elastic details: a region with Elastic snapshots is reported a second time, complete. */
        public static final Options COMPLETE = new Options(true, false, true, true);
    }

    /**
     * Regions the app lists at once: each has a few calls in flight (its RDS pages, the Elastic listing, the
     * aliases), so 16 keep {@link AwsClients#MAX_CONNECTIONS} busy without queueing on the pool; the listing
     * benchmark's growth table (1 to 256 account-regions) checks that the cost per row stays flat with them.
     */
    public static final int CONCURRENT_REGIONS = 16;

    /** Elastic detail calls in flight per region: gentle on a throttled account, still quick for a few dozen. */
    private static final int ELASTIC_DETAIL_CALLS = 4;

    private final KmsDirectory kms;
    private final int maxConcurrentRegions;
    private final Canonical canonical = new Canonical();

    public SnapshotLister(KmsDirectory kms, int maxConcurrentRegions) {
        this.kms = Objects.requireNonNull(kms, "kms");
        if (maxConcurrentRegions < 1) {
            throw new IllegalArgumentException("maxConcurrentRegions must be positive");
        }
        this.maxConcurrentRegions = maxConcurrentRegions;
    }

    /**
     * Starts listing; {@code listener} is called once per (account, region), from worker threads, as each
     * finishes, and with {@link Options#elasticDetails()} once more for a region whose Elastic snapshots then carry
     * their key and tags. The future completes when all have, with each region's last result; cancelling it stops
     * the regions still waiting.
     */
    public CompletableFuture<List<RegionResult>> list(List<AccountSession> accounts, List<RegionRef> regions,
                                                      Options options, Consumer<RegionResult> listener) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore slots = new Semaphore(maxConcurrentRegions);
        List<CompletableFuture<RegionResult>> parts = new ArrayList<>();
        for (AccountSession account : accounts) {
            for (RegionRef region : regions) {
                parts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        slots.acquire();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.util.concurrent.CancellationException("listing cancelled");
                    }
                    try {
                        RegionResult result = listRegion(account, region, options, executor);
                        deliver(listener, result);
                        RegionResult complete = options.elasticDetails()
                                ? withElasticDetails(account, result, executor) : result;
                        if (complete != result) {
                            deliver(listener, complete);
                        }
                        return complete;
                    } finally {
                        slots.release();
                    }
                }, executor));
            }
        }
        CompletableFuture<List<RegionResult>> all = CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(v -> parts.stream().map(CompletableFuture::join).toList());
        all.whenComplete((r, e) -> executor.shutdownNow());
        return all;
    }

    /** Lists one account and region, without throwing: a failure becomes {@link RegionResult.Failed}. */
    public RegionResult listRegion(AccountSession account, RegionRef region, Options options,
                                   ExecutorService executor) {
        long start = System.nanoTime();
        Future<KmsDirectory.Aliases> aliases = executor.submit(() -> kms.aliases(account, region));
        Future<List<Snapshot>> elastic = options.includeElastic()
                ? executor.submit(() -> elastic(account, region)) : null;
        List<RegionResult.Gap> gaps = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        int[] skipped = {0};
        try {
            AwsCallException.call(() -> {
                var pages = account.clients().rds(region).describeDBClusterSnapshotsPaginator(b -> b
                        .maxRecords(100).includeShared(options.includeShared())
                        .includePublic(options.includePublic()));
                for (DBClusterSnapshot s : pages.dbClusterSnapshots()) {
                    SnapshotMapper.fromRds(s, account.accountId(), region, canonical).ifPresentOrElse(snapshots::add,
                            () -> skipped[0]++);
                }
                return null;
            });
        } catch (AwsCallException e) {
            cancel(aliases, elastic);
            AwsFailure failure = AwsErrors.inRegionOfVerifiedAccount(e.failure());
            LOG.info("Listing {} {} failed: {} {}", account.accountId(), region, failure.awsCode(),
                    failure.getClass().getSimpleName());
            return new RegionResult.Failed(account.account(), region, failure, since(start));
        }
        if (elastic != null) {
            part(elastic, RegionResult.Part.ELASTIC_LIST, gaps).ifPresent(snapshots::addAll);
        }
        KmsDirectory.Aliases index = part(aliases, RegionResult.Part.KMS_ALIASES, gaps)
                .orElse(KmsDirectory.Aliases.UNREAD);
        List<Snapshot> resolved = snapshots.stream().map(index::resolve).toList();
        gaps.forEach(g -> log(account, region, g));
        return new RegionResult.Loaded(account.account(), region, resolved, gaps, since(start), skipped[0]);
    }

    /**
     * Lists one part of a region again (after it failed) and merges it into {@code current}, the rows the region
     * has now: Elastic's rows (with their details when {@code options} asks), the details of the Elastic rows that
     * lack them, or the key aliases of every row. Runs in the background; the result's gaps are those of this part
     * alone, and its rows are {@code current} with the part redone, or unchanged when it failed again.
     */
    public CompletableFuture<RegionResult.Loaded> listPart(AccountSession account, RegionRef region,
                                                           RegionResult.Part part, List<Snapshot> current,
                                                           Options options) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<RegionResult.Loaded> result = CompletableFuture.supplyAsync(
                () -> relist(account, region, part, List.copyOf(current), options, executor), executor);
        result.whenComplete((r, e) -> executor.shutdownNow());
        return result;
    }

    private RegionResult.Loaded relist(AccountSession account, RegionRef region, RegionResult.Part part,
                                       List<Snapshot> current, Options options, ExecutorService executor) {
        long start = System.nanoTime();
        List<RegionResult.Gap> gaps = new ArrayList<>();
        List<Snapshot> rows = current;
        switch (part) {
            case ELASTIC_LIST -> {
                try {
                    List<Snapshot> listed = elastic(account, region);
                    KmsDirectory.Aliases index = aliasesOrUnread(account, region);
                    rows = new ArrayList<>(current.stream()
                            .filter(s -> s.engine().api() != ApiFamily.DOCDB_ELASTIC).toList());
                    listed.stream().map(index::resolve).forEach(rows::add);
                } catch (AwsCallException e) {
                    gaps.add(RegionResult.Gap.of(part, e, 0));
                }
            }
            case ELASTIC_DETAILS -> {
                // The details pass below reads what is missing.
            }
            case KMS_ALIASES -> {
                try {
                    KmsDirectory.Aliases index = kms.aliases(account, region);
                    rows = current.stream().map(index::resolve).toList();
                } catch (AwsCallException e) {
                    gaps.add(RegionResult.Gap.of(part, e, 0));
                }
            }
        }
        gaps.forEach(g -> log(account, region, g));
        RegionResult.Loaded listed = new RegionResult.Loaded(account.account(), region, rows, gaps, since(start), 0);
        boolean details = part == RegionResult.Part.ELASTIC_DETAILS
                || part == RegionResult.Part.ELASTIC_LIST && options.elasticDetails();
        return details ? (RegionResult.Loaded) withElasticDetails(account, listed, executor) : listed;
    }

    /**
     * The region's result with the KMS key (GetClusterSnapshot) and tags (ListTagsForResource) of every Elastic
     * snapshot that lacks them filled in; the same result when there is nothing to add. A snapshot whose details fail
     * keeps its list form (key and tags unknown), and the failures become one gap that counts them.
     */
    private RegionResult withElasticDetails(AccountSession account, RegionResult result, ExecutorService executor) {
        if (!(result instanceof RegionResult.Loaded loaded) || loaded.snapshots().stream().noneMatch(
                SnapshotLister::lacksElasticDetails)) {
            return result;
        }
        long start = System.nanoTime();
        DocDbElasticClient client = account.clients().elastic(loaded.region());
        KmsDirectory.Aliases index = aliasesOrUnread(account, loaded.region());
        Semaphore calls = new Semaphore(ELASTIC_DETAIL_CALLS);
        List<Future<Snapshot>> enriched = new ArrayList<>();
        for (Snapshot s : loaded.snapshots()) {
            if (!lacksElasticDetails(s)) {
                enriched.add(CompletableFuture.completedFuture(s));
                continue;
            }
            enriched.add(executor.submit(() -> {
                calls.acquire();
                try {
                    var details = AwsCallException.call(() -> client.getClusterSnapshot(b -> b.snapshotArn(s.arn()))
                            .snapshot());
                    var tags = AwsCallException.call(() -> client.listTagsForResource(b -> b.resourceArn(s.arn()))
                            .tags());
                    return index.resolve(SnapshotMapper.withElasticDetails(s, details.kmsKeyId(), tags, canonical));
                } finally {
                    calls.release();
                }
            }));
        }
        List<Snapshot> snapshots = new ArrayList<>();
        Throwable firstError = null;
        int failed = 0;
        for (int i = 0; i < enriched.size(); i++) {
            try {
                snapshots.add(enriched.get(i).get());
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                if (e instanceof InterruptedException) {
                    // Cancelled: what is left keeps its list form, as a failed read would.
                    Thread.currentThread().interrupt();
                }
                snapshots.add(loaded.snapshots().get(i));
                failed++;
                firstError = firstError == null ? e : firstError;
            }
        }
        List<RegionResult.Gap> gaps = new ArrayList<>(loaded.gaps());
        if (firstError != null) {
            RegionResult.Gap gap = RegionResult.Gap.of(RegionResult.Part.ELASTIC_DETAILS, firstError, failed);
            log(account, loaded.region(), gap);
            gaps.add(gap);
        }
        return new RegionResult.Loaded(loaded.account(), loaded.region(), snapshots, gaps,
                loaded.elapsed().plus(since(start)), loaded.skippedUnknownEngines());
    }

    private static boolean lacksElasticDetails(Snapshot s) {
        return s.engine().api() == ApiFamily.DOCDB_ELASTIC
                && (s.isUnknown(Snapshot.Detail.KMS_KEY) || s.isUnknown(Snapshot.Detail.TAGS));
    }

    /** The region's aliases, or none known when ListAliases fails (the first pass reported that already). */
    private KmsDirectory.Aliases aliasesOrUnread(AccountSession account, RegionRef region) {
        try {
            return kms.aliases(account, region);
        } catch (AwsCallException e) {
            return KmsDirectory.Aliases.UNREAD;
        }
    }

    /**
     * Each gap is logged once, where it is found: the account, region, service and AWS's code. A listing cancelled
     * meanwhile (its thread interrupted) is no failure of AWS's: its result is dropped, and the log stays quiet.
     */
    private static void log(AccountSession account, RegionRef region, RegionResult.Gap gap) {
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        LOG.warn("Listing {} {}: {} ({}) not read: {} {}, HTTP {} after {} attempt(s): {}", account.accountId(),
                region.code(), gap.part().service(), gap.part(), gap.failure().getClass().getSimpleName(),
                gap.failure().awsCode().isEmpty() ? "(no AWS code)" : gap.failure().awsCode(), gap.httpStatus(),
                gap.attempts(), gap.failure().awsMessage());
    }

    private static List<Snapshot> elastic(AccountSession account, RegionRef region) {
        DocDbElasticClient client = account.clients().elastic(region);
        return AwsCallException.call(() -> {
            Map<String, String> names = new HashMap<>();
            for (ClusterInList c : client.listClustersPaginator(b -> b.maxResults(100)).clusters()) {
                names.put(c.clusterArn(), c.clusterName());
            }
            List<Snapshot> result = new ArrayList<>();
            // The list call carries no type; asking per type gives it without a call per snapshot.
            for (SnapshotType type : List.of(SnapshotType.MANUAL, SnapshotType.AUTOMATED)) {
                for (ClusterSnapshotInList s : client.listClusterSnapshotsPaginator(b -> b.maxResults(100)
                        .snapshotType(SnapshotMapper.elasticListFilter(type))).snapshots()) {
                    result.add(SnapshotMapper.fromElastic(s, type, names, account.accountId(), region));
                }
            }
            return result;
        });
    }

    private static <T> java.util.Optional<T> part(Future<T> future, RegionResult.Part part,
                                                  List<RegionResult.Gap> gaps) {
        try {
            return java.util.Optional.ofNullable(future.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            gaps.add(new RegionResult.Gap(part, new AwsFailure.Unknown("", "interrupted"), 0, 0, 0));
        } catch (java.util.concurrent.ExecutionException e) {
            // Gap.of unwraps the ExecutionException to the call's own failure.
            gaps.add(RegionResult.Gap.of(part, e, 0));
        }
        return java.util.Optional.empty();
    }

    private static void deliver(Consumer<RegionResult> listener, RegionResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            LOG.error("Listing listener failed on {} {}", result.account().accountId(), result.region(), e);
        }
    }

    private static void cancel(@Nullable Future<?>... futures) {
        for (Future<?> f : futures) {
            if (f != null) {
                f.cancel(true);
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
