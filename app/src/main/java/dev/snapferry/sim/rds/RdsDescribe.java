package dev.snapferry.sim.rds;

import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.SimCluster;
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

/** DescribeDBClusterSnapshots and DescribeDBClusters: types, shared and public, filters, and Marker paging. */
final class RdsDescribe {

    private static final Set<String> SNAPSHOT_TYPES = Set.of("automated", "manual", "shared", "public", "awsbackup");
    private static final Set<String> SNAPSHOT_FILTERS = Set.of("db-cluster-id", "db-cluster-snapshot-id",
            "snapshot-type", "engine");
    private static final Set<String> CLUSTER_FILTERS = Set.of("db-cluster-id", "engine");

    private final SimContext ctx;
    private final RdsLookup lookup;

    RdsDescribe(SimContext ctx, RdsLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    SimResponse snapshots(SimRequest request, FormParams params) {
        Caller caller = request.caller();
        int maxRecords = maxRecords(params);
        String type = params.get("SnapshotType").map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        if (type != null && !SNAPSHOT_TYPES.contains(type)) {
            throw SimException.invalidParameter("Invalid snapshot type: " + type
                    + ". Valid values are automated, manual, shared, public and awsbackup.");
        }
        Map<String, List<String>> filters = filters(params, SNAPSHOT_FILTERS);
        String wantedId = params.get("DBClusterSnapshotIdentifier").orElse(null);

        List<RdsLookup.Visible> candidates = new ArrayList<>();
        if (wantedId != null) {
            RdsLookup.Located found = lookup.locate(caller, wantedId, caller.region());
            candidates.add(new RdsLookup.Visible(found.view(), !found.foreign() ? found.view().spec().type()
                    : found.view().restoreAccounts().contains(caller.accountId()) ? "shared" : "public"));
        } else if ("shared".equals(type) || "public".equals(type)) {
            candidates.addAll(lookup.others(caller, "shared".equals(type), "public".equals(type)));
        } else {
            candidates.addAll(lookup.owned(caller));
            if (type == null) {
                candidates.addAll(lookup.others(caller, params.flag("IncludeShared"), params.flag("IncludePublic")));
            }
        }
        String cluster = params.get("DBClusterIdentifier").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        List<RdsLookup.Visible> selected = candidates.stream()
                .filter(v -> type == null || wantedId != null || v.type().equals(type))
                .filter(v -> cluster == null || matchesCluster(v, List.of(cluster)))
                .filter(v -> matches(v, filters))
                .sorted(Comparator.comparing(v -> v.view().spec().arn()))
                .toList();
        Page<RdsLookup.Visible> page = page(selected, v -> v.view().spec().arn(), params, maxRecords);
        return RdsXml.reply("DescribeDBClusterSnapshots", request.requestId(), xml -> {
            xml.open("DBClusterSnapshots");
            page.items().forEach(v -> RdsXml.snapshot(xml, v.view(), v.type(), null));
            xml.close("DBClusterSnapshots");
            xml.leaf("Marker", page.marker());
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
                        .anyMatch(f -> f.equalsIgnoreCase(r.cluster().identifier())
                                || f.equals(r.cluster().arn())))
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

    private static boolean matches(RdsLookup.Visible v, Map<String, List<String>> filters) {
        for (var filter : filters.entrySet()) {
            List<String> values = filter.getValue();
            boolean ok = switch (filter.getKey()) {
                case "db-cluster-id" -> matchesCluster(v, values);
                case "db-cluster-snapshot-id" -> values.stream().anyMatch(f ->
                        f.equalsIgnoreCase(v.view().spec().identifier()) || f.equals(v.view().spec().arn()));
                case "snapshot-type" -> values.contains(v.type());
                case "engine" -> values.contains(v.view().spec().engine());
                default -> true;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesCluster(RdsLookup.Visible v, List<String> values) {
        String cluster = v.view().spec().clusterRef();
        return values.stream().anyMatch(f -> f.equalsIgnoreCase(cluster) || f.endsWith(":cluster:" + cluster));
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

    record Page<T>(List<T> items, String marker) {
    }

    /** Pages by the sort key of the last item returned, so concurrent changes never repeat or skip an item. */
    static <T> Page<T> page(List<T> sorted, Function<T, String> key, FormParams params, int max) {
        String after = params.get("Marker").map(RdsDescribe::decodeMarker).orElse(null);
        List<T> rest = after == null ? sorted
                : sorted.stream().filter(t -> key.apply(t).compareTo(after) > 0).toList();
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
