package dev.snapferry.ui.coverage;

import dev.snapferry.core.aws.ClusterSurvey;
import dev.snapferry.core.coverage.AgeReport;
import dev.snapferry.core.coverage.ClusterCoverage;
import dev.snapferry.core.coverage.CoverageReport;
import dev.snapferry.core.coverage.DrPolicy;
import dev.snapferry.core.coverage.Fleet;
import dev.snapferry.core.coverage.PriceTable;
import dev.snapferry.core.coverage.Quota;
import dev.snapferry.core.model.AccountRef;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.ui.catalog.SnapshotCatalog;
import dev.snapferry.ui.catalog.SnapshotRow;
import dev.snapferry.ui.common.ErrorPresenter;
import dev.snapferry.ui.common.Messages;
import dev.snapferry.ui.common.TaskHandle;
import dev.snapferry.ui.common.TaskRunner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The Coverage tab: every cluster of the listed accounts and regions with its newest copies elsewhere and what the
 * DR policy makes of them, the manual snapshot quotas, and the age report. The snapshots are the catalog's; each
 * account and region is surveyed for its clusters, quota and engine versions once the listing ends, and coverage
 * is computed again, off the UI thread, whenever the snapshots or the policy change.
 */
public final class CoverageViewModel {

    private final SnapshotCatalog catalog;
    private final CoverageSource source;
    private final TaskRunner tasks;
    private final Messages messages;
    private final CoverageTexts texts;
    private final Clock clock;
    private final CopyOpening openCopy;
    private final BiConsumer<String, Collection<String>> showSnapshots;
    private final ObjectProperty<DrPolicy> policy = new SimpleObjectProperty<>(DrPolicy.defaults());
    private final ObjectProperty<PriceTable> prices;
    private final ObservableList<ClusterCoverage> clusters = FXCollections.observableArrayList();
    private final ObservableList<Quota> quotas = FXCollections.observableArrayList();
    private final ObservableList<AgeReport.Row> ages = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<@Nullable CoverageReport> report = new ReadOnlyObjectWrapper<>();
    private java.util.Map<dev.snapferry.core.coverage.ClusterKey, dev.snapferry.core.coverage.Cost> costs =
            java.util.Map.of();
    private List<ClusterSurvey.Result> surveys = List.of();
    private @Nullable TaskHandle computing;

    public CoverageViewModel(SnapshotCatalog catalog, CoverageSource source, PriceTable prices, TaskRunner tasks,
                             Messages messages, Clock clock, CopyOpening openCopy,
                             BiConsumer<String, Collection<String>> showSnapshots) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.source = Objects.requireNonNull(source, "source");
        this.prices = new SimpleObjectProperty<>(Objects.requireNonNull(prices, "prices"));
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.texts = new CoverageTexts(messages);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.openCopy = Objects.requireNonNull(openCopy, "openCopy");
        this.showSnapshots = Objects.requireNonNull(showSnapshots, "showSnapshots");
        catalog.loadingProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                refresh();
            }
        });
        policy.addListener((obs, old, now) -> recompute());
        this.prices.addListener((obs, old, now) -> recompute());
    }

    /** The DR policy; changing it computes coverage again. Saved with the preferences. */
    public ObjectProperty<DrPolicy> policyProperty() {
        return policy;
    }

    public ObjectProperty<PriceTable> pricesProperty() {
        return prices;
    }

    public ObservableList<ClusterCoverage> clusters() {
        return clusters;
    }

    public ObservableList<Quota> quotas() {
        return quotas;
    }

    public ObservableList<AgeReport.Row> ages() {
        return ages;
    }

    /** What could not be surveyed, one line per account and region, with AWS's reason. */
    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<@Nullable CoverageReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public CoverageTexts texts() {
        return texts;
    }

    /** The fleet coverage was last computed on: the catalog's snapshots and the last surveys. */
    public Fleet fleet() {
        return ClusterSurvey.fleet(snapshots(), surveys);
    }

    /** Surveys every listed account and region, then computes coverage. */
    public void refresh() {
        List<AccountRef> accounts = catalog.listedAccounts();
        List<RegionRef> regions = List.copyOf(catalog.regions());
        busy.set(true);
        List<ClusterSurvey.Result> done = new ArrayList<>();
        List<Pair> work = new ArrayList<>();
        accounts.forEach(a -> regions.forEach(r -> work.add(new Pair(a, r))));
        tasks.runEach("survey clusters and quotas", work, 4, p -> source.survey(p.account(), p.region()),
                (p, outcome) -> {
                    switch (outcome) {
                        case TaskRunner.Outcome.Done<ClusterSurvey.Result> d -> done.add(d.value());
                        case TaskRunner.Outcome.Failed<ClusterSurvey.Result> f -> problems.add(messages.get(
                                "coverage.problem", p.account().accountId(), p.region().code(),
                                new ErrorPresenter(messages).describe(f.error())));
                    }
                }, () -> {
                    surveys = List.copyOf(done);
                    List<String> lines = new ArrayList<>();
                    ErrorPresenter errors = new ErrorPresenter(messages);
                    for (ClusterSurvey.Result r : done) {
                        r.problems().forEach(f -> lines.add(messages.get("coverage.problem",
                                r.location().accountId(), r.location().region().code(), errors.describe(f))));
                    }
                    problems.setAll(lines);
                    quotas.setAll(done.stream().map(ClusterSurvey.Result::quota)
                            .sorted(java.util.Comparator.comparing((Quota q) -> q.location().accountId())
                                    .thenComparing(q -> q.location().region()))
                            .toList());
                    recompute();
                });
    }

    private record Pair(AccountRef account, RegionRef region) {
    }

    /** Computes coverage and the age report again from the catalog's snapshots, off the UI thread. */
    public void recompute() {
        TaskHandle previous = computing;
        if (previous != null) {
            previous.cancel();
        }
        Fleet fleet = fleet();
        DrPolicy p = policy.get();
        PriceTable table = prices.get();
        busy.set(true);
        record Result(CoverageReport report, List<AgeReport.Row> ages,
                      java.util.Map<dev.snapferry.core.coverage.ClusterKey, dev.snapferry.core.coverage.Cost> costs) {
        }
        computing = tasks.run("compute coverage", () -> {
            CoverageReport computed = CoverageReport.of(fleet, p, clock.instant());
            return new Result(computed, AgeReport.of(fleet.snapshots(), table, clock.instant()),
                    costs(computed, fleet.snapshots(), table));
        }, r -> {
                    costs = r.costs();
                    report.set(r.report());
                    clusters.setAll(r.report().clusters());
                    ages.setAll(r.ages());
                    summary.set(messages.get("coverage.summary", r.report().clusters().size(),
                            r.report().count(ClusterCoverage.Status.COVERED),
                            r.report().count(ClusterCoverage.Status.AT_RISK),
                            r.report().count(ClusterCoverage.Status.UNCOVERED),
                            r.report().clusters().stream().filter(c -> c.existence()
                                    == ClusterCoverage.Existence.ORPHANED).count()));
                    busy.set(false);
                }, error -> {
                    message.set(new ErrorPresenter(messages).describe(error));
                    busy.set(false);
                });
    }

    /** What a cluster's snapshots cost a month at most; {@link dev.snapferry.core.coverage.Cost#NONE} for none. */
    public dev.snapferry.core.coverage.Cost cost(ClusterCoverage cluster) {
        return costs.getOrDefault(cluster.key(), dev.snapferry.core.coverage.Cost.NONE);
    }

    /** Shows a message above the tables (a price table that could not be read, say). */
    public void tell(String text) {
        message.set(text);
    }

    private static java.util.Map<dev.snapferry.core.coverage.ClusterKey, dev.snapferry.core.coverage.Cost> costs(
            CoverageReport report, List<Snapshot> snapshots, PriceTable table) {
        java.util.Map<dev.snapferry.core.coverage.ClusterKey, List<Snapshot>> byCluster = new java.util.HashMap<>();
        for (Snapshot s : snapshots) {
            report.clusterOf(s).ifPresent(k -> byCluster.computeIfAbsent(k, x -> new ArrayList<>()).add(s));
        }
        java.util.Map<dev.snapferry.core.coverage.ClusterKey, dev.snapferry.core.coverage.Cost> result =
                new java.util.HashMap<>();
        byCluster.forEach((k, list) -> result.put(k, dev.snapferry.core.coverage.Cost.sum(list, table)));
        return result;
    }

    /**
     * Opens the copy wizard on the newest snapshot of each chosen cluster where it lives, the destination taken
     * from the DR policy; clusters without such a snapshot are named in the message instead.
     */
    public void copyNewest(List<ClusterCoverage> chosen) {
        List<Snapshot> sources = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ClusterCoverage c : chosen) {
            if (c.newestOwn() != null) {
                sources.add(c.newestOwn());
            } else {
                without.add(c.key().identifier());
            }
        }
        message.set(without.isEmpty() ? "" : messages.get("coverage.copy.noSnapshot", String.join(", ", without)));
        if (!sources.isEmpty()) {
            openCopy.open(sources, policy.get().destinationRegion(), policy.get().destinationAccount());
        }
    }

    /** Opens the Snapshots tab on one cell of the age report. */
    public void showAgeRow(AgeReport.Row row) {
        showSnapshots.accept(messages.get("coverage.ages.drill", texts.band(row.band()),
                row.engine().canonicalRawName(), row.accountId()), new LinkedHashSet<>(row.arns()));
    }

    /** Opens the Snapshots tab on the snapshots of one cluster. */
    public void showCluster(ClusterCoverage cluster) {
        CoverageReport r = report.get();
        if (r == null) {
            return;
        }
        List<String> arns = snapshots().stream().filter(s -> r.clusterOf(s).map(cluster.key()::equals)
                .orElse(false)).map(Snapshot::arn).toList();
        showSnapshots.accept(cluster.key().identifier(), arns);
    }

    private List<Snapshot> snapshots() {
        List<Snapshot> snapshots = new ArrayList<>(catalog.rows().size());
        for (SnapshotRow row : catalog.rows()) {
            if (!row.isRetired()) {
                snapshots.add(row.snapshot());
            }
        }
        return snapshots;
    }
}
