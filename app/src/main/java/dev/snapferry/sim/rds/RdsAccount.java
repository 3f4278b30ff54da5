package dev.snapferry.sim.rds;

import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.RegionState;
import java.util.List;
import java.util.Map;

/**
 * {@code DescribeAccountAttributes} and {@code DescribeDBEngineVersions}: the account's quotas (the one that matters
 * to snapshots, {@code ManualClusterSnapshots}, with its usage counted from the region's state) and the engine
 * versions, some of them deprecated.
 */
final class RdsAccount {

    /** RDS's DB cluster quota per region (Aurora User Guide, Quotas): answered so the reply has more than one entry. */
    private static final long DB_CLUSTERS = 40;

    /**
     * The simulator's catalogue of engine versions: every version the demo's clusters run, some marked
     * {@code deprecated}. Which versions AWS deprecates changes over time; these statuses are the simulator's own
     * demo data, not a statement of AWS's current catalogue.
     */
    private static final Map<String, List<Version>> VERSIONS = Map.of(
            "aurora-mysql", List.of(new Version("8.0.mysql_aurora.3.04.1", "available"),
                    new Version("8.0.mysql_aurora.3.05.2", "available"),
                    new Version("5.7.mysql_aurora.2.11.2", "deprecated")),
            "aurora-postgresql", List.of(new Version("14.9", "available"), new Version("15.4", "available"),
                    new Version("16.1", "available"), new Version("11.9", "deprecated")),
            "mysql", List.of(new Version("8.0.35", "available")),
            "postgres", List.of(new Version("16.1", "available")),
            "docdb", List.of(new Version("4.0.0", "available"), new Version("5.0.0", "available"),
                    new Version("3.6.0", "deprecated")),
            "neptune", List.of(new Version("1.2.1.0", "deprecated"), new Version("1.3.1.0", "available")));

    private record Version(String version, String status) {
    }

    private final RdsLookup lookup;

    RdsAccount(RdsLookup lookup) {
        this.lookup = lookup;
    }

    SimResponse attributes(SimRequest request) {
        RegionState region = lookup.own(request.caller());
        long[] used = region.update(lookup.now(), r -> new long[] {RdsRequests.manualCount(r), r.clusters().size()});
        return RdsXml.reply("DescribeAccountAttributes", request.requestId(), xml -> {
            xml.open("AccountQuotas");
            xml.open("AccountQuota").leaf("AccountQuotaName", "ManualClusterSnapshots").leaf("Used", used[0])
                    .leaf("Max", RdsRequests.MANUAL_SNAPSHOT_QUOTA).close("AccountQuota");
            xml.open("AccountQuota").leaf("AccountQuotaName", "DBClusters").leaf("Used", used[1])
                    .leaf("Max", DB_CLUSTERS).close("AccountQuota");
            xml.close("AccountQuotas");
        });
    }

    /** Engine, EngineVersion and IncludeAll (without it, only available versions, as the RDS API reference says). */
    SimResponse engineVersions(SimRequest request, FormParams params) {
        String engine = params.get("Engine").orElse(null);
        if (engine != null && !VERSIONS.containsKey(engine)) {
            throw SimException.invalidParameter("Invalid DB engine: " + engine);
        }
        String wanted = params.get("EngineVersion").orElse(null);
        boolean all = params.get("IncludeAll").map(Boolean::parseBoolean).orElse(false);
        return RdsXml.reply("DescribeDBEngineVersions", request.requestId(), xml -> {
            xml.open("DBEngineVersions");
            VERSIONS.entrySet().stream().filter(e -> engine == null || e.getKey().equals(engine))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> e.getValue().stream()
                            .filter(v -> wanted == null || v.version().equals(wanted))
                            .filter(v -> all || v.status().equals("available"))
                            .forEach(v -> xml.open("DBEngineVersion").leaf("Engine", e.getKey())
                                    .leaf("EngineVersion", v.version()).leaf("Status", v.status())
                                    .close("DBEngineVersion")));
            xml.close("DBEngineVersions");
        });
    }
}
