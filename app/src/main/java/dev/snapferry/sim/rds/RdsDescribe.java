package dev.snapferry.sim.rds;

import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SnapshotSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * DescribeDBClusterSnapshots and DescribeDBClusters: types, shared and public, filters, and Marker paging.
 * Identifier parameters match case-insensitively (DescribeDBClusterSnapshotsMessage, rds/2014-10-31:
 * DBClusterSnapshotIdentifier "is stored as a lowercase string", DBClusterIdentifier "isn't case-sensitive"); filter
 * values do not (shape Filter: "Filter values are case-sensitive."), so a filter with upper-case letters matches no
 * stored identifier.
 */
final class RdsDescribe {

    /**
     * DescribeDBClusterSnapshotsMessage$SnapshotType (rds, docdb and neptune 2014-10-31, and today's RDS reference):
     * automated, manual, shared, public. {@code awsbackup} is a DescribeDBSnapshots (DB instance) type, which "does
     * not apply to Aurora".
     */
    private static final Set<String> SNAPSHOT_TYPES = Set.of("automated", "manual", "shared", "public");
    private static final Set<String> SNAPSHOT_FILTERS = Set.of("db-cluster-id", "db-cluster-snapshot-id",
            "snapshot-type", "engine");
    private static final Set<String> CLUSTER_FILTERS = Set.of("db-cluster-id", "engine");

    private final RdsLookup lookup;

    RdsDescribe(RdsLookup lookup) {
        this.lookup = lookup;
    }

    SimResponse snapshots(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        int maxRecords = maxRecords(params);
        String type = params.get("SnapshotType").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (type != null && !SNAPSHOT_TYPES.contains(type)) {
            throw SimException.invalidParameter("Invalid snapshot type: " + type
                    + ". Valid values are automated, manual, shared and public.");
        }
        Map<String, List<String>> filters = filters(params, SNAPSHOT_FILTERS);
        String wantedId = params.get("DBClusterSnapshotIdentifier").orElse(null);
        // DBClusterIdentifier: "This parameter can't be used in conjunction with the DBClusterSnapshotIdentifier
        // parameter" (and the reverse), rds/2014-10-31; InvalidParameterCombination is RDS's error for parameters
        // that must not be used together.
        if (wantedId != null && params.get("DBClusterIdentifier").isPresent()) {
            throw SimException.invalidCombination("DBClusterIdentifier can't be used in conjunction with "
                    + "DBClusterSnapshotIdentifier.");
        }

        List<String> fragments;
        String marker;
        if (wantedId != null) {
            RdsLookup.Located found = lookup.locate(caller, wantedId, caller.region());
            RdsLookup.Visible one = new RdsLookup.Visible(found.view(), !found.foreign() ? found.view().spec().type()
                    : found.view().restoreAccounts().contains(caller.accountId()) ? "shared" : "public");
            // DBClusterSnapshotIdentifier: "If this identifier is for an automated snapshot, the SnapshotType
            // parameter must also be specified." (rds, docdb, neptune 2014-10-31). The models name no error for
            // it; a companion parameter left out is taken as InvalidParameterCombination.
            if (type == null && "automated".equals(one.type())) {
                throw SimException.invalidCombination("The SnapshotType parameter must be specified to describe "
                        + "the automated DB cluster snapshot " + one.view().spec().identifier() + ".");
            }
            boolean keep = (type == null || type.equals(one.type())) && matches(one.view().spec(), one.type(),
                    filters);
            dev.snapferry.sim.http.Xml single = new dev.snapferry.sim.http.Xml();
            RdsXml.snapshot(single, one.view(), one.type(), null);
            fragments = keep ? List.of(single.toString()) : List.of();
            marker = null;
        } else {
            boolean othersOnly = "shared".equals(type) || "public".equals(type);
            String after = params.get("Marker").map(RdsDescribe::decodeMarker).orElse(null);
            List<RdsLookup.Candidate> candidates = lookup.page(caller, !othersOnly,
                    othersOnly ? "shared".equals(type) : type == null && params.flag("IncludeShared"),
                    othersOnly ? "public".equals(type) : type == null && params.flag("IncludePublic"),
                    after, maxRecords + 1,
                    c -> (type == null || c.type().equals(type)) && matchesCluster(c.spec().clusterRef(), params)
                            && matches(c.spec(), c.type(), filters));
            Page<RdsLookup.Candidate> candidatePage = page(candidates, c -> c.spec().arn(), maxRecords);
            fragments = lookup.render(candidatePage.items());
            marker = candidatePage.marker();
        }
        return RdsXml.reply("DescribeDBClusterSnapshots", request.requestId(), xml -> {
            xml.open("DBClusterSnapshots");
            fragments.forEach(xml::raw);
            xml.close("DBClusterSnapshots");
            xml.leaf("Marker", marker);
        });
    }

    SimResponse clusters(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        int maxRecords = maxRecords(params);
        Map<String, List<String>> filters = filters(params, CLUSTER_FILTERS);
        String wanted = params.get("DBClusterIdentifier").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        record Row(SimCluster cluster, Map<String, String> tags) {
        }
        List<Row> rows = lookup.own(caller).update(lookup.now(), r -> {
            List<Row> all = new ArrayList<>();
            r.clusters().values().forEach(c -> all.add(new Row(c, new LinkedHashMap<>(c.tags()))));
            return all;
        });
        if (wanted != null && rows.stream().noneMatch(r -> r.cluster().identifier().equals(wanted))) {
            throw RdsErrors.clusterNotFound(wanted);
        }
        List<Row> selected = rows.stream()
                .filter(r -> wanted == null || r.cluster().identifier().equals(wanted))
                .filter(r -> !filters.containsKey("db-cluster-id") || filters.get("db-cluster-id").stream()
                        .anyMatch(f -> f.equals(r.cluster().identifier()) || f.equals(r.cluster().arn())))
                .filter(r -> !filters.containsKey("engine") || filters.get("engine").contains(r.cluster().engine()))
                .sorted(Comparator.comparing(r -> r.cluster().arn()))
                .toList();
        Page<Row> page = page(selected, r -> r.cluster().arn(), params, maxRecords);
        return RdsXml.reply("DescribeDBClusters", request.requestId(), xml -> {
            xml.leaf("Marker", page.marker());
            xml.open("DBClusters");
            page.items().forEach(r -> RdsXml.cluster(xml, r.cluster(), r.tags()));
            xml.close("DBClusters");
        });
    }

    private static boolean matches(SnapshotSpec spec, String type, Map<String, List<String>> filters) {
        for (var filter : filters.entrySet()) {
            List<String> values = filter.getValue();
            boolean ok = switch (filter.getKey()) {
                case "db-cluster-id" -> values.stream().anyMatch(f -> f.equals(spec.clusterRef())
                        || f.endsWith(":cluster:" + spec.clusterRef()));
                case "db-cluster-snapshot-id" -> values.stream().anyMatch(f ->
                        f.equals(spec.identifier()) || f.equals(spec.arn()));
                case "snapshot-type" -> values.contains(type);
                case "engine" -> values.contains(spec.engine());
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The DBClusterIdentifier parameter, when given: "isn't case-sensitive", unlike the db-cluster-id filter. */
    private static boolean matchesCluster(String cluster, FormParams params) {
        return params.get("DBClusterIdentifier").map(c -> c.equalsIgnoreCase(cluster)
                || c.endsWith(":cluster:" + cluster)).orElse(true);
    }

    private static Map<String, List<String>> filters(FormParams params, Set<String> known) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (FormParams filter : params.structs("Filters")) {
            String name = filter.required("Name");
            if (!known.contains(name)) {
                throw SimException.invalidParameter("Unrecognized filter name: " + name);
            }
            List<String> values = filter.list("Values");
            if (values.isEmpty()) {
                throw SimException.invalidParameter("Filter " + name + " needs at least one value");
            }
            result.put(name, values);
        }
        return result;
    }

    static int maxRecords(FormParams params) {
        int max = params.integer("MaxRecords").orElse(100);
        if (max < 20 || max > 100) {
            throw SimException.invalidParameter("Invalid value " + max + " for MaxRecords. Must be between 20 and 100");
        }
        return max;
    }

    record Page<T>(List<T> items, @Nullable String marker) {
    }

    /** Pages by the sort key of the last item returned, so concurrent changes never repeat or skip an item. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> key, FormParams params, int max) {
        String after = params.get("Marker").map(RdsDescribe::decodeMarker).orElse(null);
        return page(after == null ? sorted
                : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList(), key, max);
    }

    /** The first {@code max} of {@code rest} (items after the marker, in order) and the marker of what follows. */
    static <T> Page<T> page(List<T> rest, Function<T, String> key, int max) {
        if (rest.size() <= max) {
            return new Page<>(rest, null);
        }
        List<T> items = rest.subList(0, max);
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(items.getLast()).getBytes(StandardCharsets.UTF_8)));
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SimException.invalidParameter("Invalid Marker: " + marker);
        }
    }
}
