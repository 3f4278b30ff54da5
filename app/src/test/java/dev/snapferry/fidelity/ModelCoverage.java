package dev.snapferry.fidelity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the recorded replies covered: per service, the operations the app uses that were answered (successfully
 * and with errors), by which engines and accounts, and which output members of those operations' shapes a reply
 * carried, against all the members the shapes have.
 */
final class ModelCoverage {

    /**
     * The operations Snapferry's main code calls, per SDK client (found by reading core.aws, app and ui; the test
     * {@code theOperationListIsTheAppsOwn} checks this list against the sources).
     */
    static final Map<String, List<String>> APP_OPERATIONS = Map.of(
            "rds", List.of("DescribeDBClusterSnapshots", "DescribeDBClusters", "DescribeDBClusterSnapshotAttributes",
                    "ModifyDBClusterSnapshotAttribute", "CopyDBClusterSnapshot", "CreateDBClusterSnapshot",
                    "DeleteDBClusterSnapshot", "AddTagsToResource", "RemoveTagsFromResource",
                    "DescribeAccountAttributes", "DescribeDBEngineVersions"),
            "docdb", List.of("CopyDBClusterSnapshot", "DeleteDBClusterSnapshot"),
            "neptune", List.of("CopyDBClusterSnapshot", "DeleteDBClusterSnapshot"),
            "docdb-elastic", List.of("ListClusters", "ListClusterSnapshots", "GetClusterSnapshot",
                    "ListTagsForResource", "CopyClusterSnapshot", "CreateClusterSnapshot", "DeleteClusterSnapshot",
                    "TagResource", "UntagResource"),
            "kms", List.of("ListAliases", "ListKeys", "DescribeKey", "GetKeyPolicy", "PutKeyPolicy"),
            "sts", List.of("GetCallerIdentity", "AssumeRole"));

    private final Map<String, ServiceModel> models;
    private final Map<String, Map<String, Set<String>>> seenMembers = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> successBy = new TreeMap<>();
    private final Map<String, Map<String, Set<String>>> errorCodes = new TreeMap<>();
    private final Map<String, Integer> replies = new TreeMap<>();

    ModelCoverage(Map<String, ServiceModel> models) {
        this.models = models;
    }

    void member(String service, String operation, String shapeMember) {
        seenMembers.computeIfAbsent(service, k -> new TreeMap<>()).computeIfAbsent(operation, k -> new TreeSet<>())
                .add(shapeMember);
    }

    /** A reply: {@code who} is the scenario's engine and account, {@code errorCode} null for a success. */
    void reply(String service, String operation, String who, String errorCode) {
        replies.merge(service, 1, Integer::sum);
        if (errorCode == null) {
            successBy.computeIfAbsent(service, k -> new TreeMap<>()).computeIfAbsent(operation, k -> new TreeSet<>())
                    .add(who);
        } else {
            errorCodes.computeIfAbsent(service, k -> new TreeMap<>()).computeIfAbsent(operation,
                    k -> new TreeSet<>()).add(errorCode);
        }
    }

    Set<String> succeeded(String service) {
        return successBy.getOrDefault(service, Map.of()).keySet();
    }

    Set<String> errorCodesSeen() {
        Set<String> all = new TreeSet<>();
        errorCodes.values().forEach(m -> m.values().forEach(all::addAll));
        return all;
    }

    Set<String> whoCalled(String service, String operation) {
        return successBy.getOrDefault(service, Map.of()).getOrDefault(operation, Set.of());
    }

    /** The report, in Markdown. */
    String markdown(List<Violation> violations, Set<String> mappedCodes) {
        StringBuilder out = new StringBuilder("# Simulator replies against AWS's service models\n\n");
        out.append("Models: ");
        List<String> versions = new ArrayList<>();
        models.values().forEach(m -> versions.add(m.service() + " " + m.version()));
        out.append(String.join(", ", versions)).append(" (botocore, ").append(ServiceModel.DEBIAN_AWSCLI_DATA)
                .append(").\n\n");
        out.append("| service | replies | app operations answered OK | with an error | output members seen / in shapes |\n");
        out.append("| --- | --- | --- | --- | --- |\n");
        Map<String, String> detail = new LinkedHashMap<>();
        for (String service : ServiceModel.SERVICES) {
            List<String> ops = APP_OPERATIONS.get(service);
            ServiceModel model = models.get(service);
            int ok = 0;
            int err = 0;
            int seen = 0;
            int total = 0;
            StringBuilder d = new StringBuilder();
            for (String op : ops) {
                boolean modelled = model.operation(op).isPresent();
                String checkedAs = NewerOperations.modelledAs(model, op);
                Set<String> okBy = whoCalled(service, op);
                Set<String> codes = errorCodes.getOrDefault(service, Map.of()).getOrDefault(op, Set.of());
                ok += okBy.isEmpty() ? 0 : 1;
                err += codes.isEmpty() ? 0 : 1;
                Set<String> all = model.outputMembers(checkedAs);
                Set<String> got = new TreeSet<>(seenMembers.getOrDefault(service, Map.of()).getOrDefault(op,
                        Set.of()));
                got.retainAll(all);
                seen += got.size();
                total += all.size();
                d.append("- ").append(op).append(modelled ? "" : checkedAs.equals(op)
                                ? " (NOT IN THE MODEL: not checked)"
                                : " (newer than the model: checked as " + checkedAs + "'s output)")
                        .append(": OK for ").append(okBy.isEmpty() ? "none" : String.join(", ", okBy))
                        .append("; errors ").append(codes.isEmpty() ? "none" : String.join(", ", codes))
                        .append("; members ").append(got.size()).append('/').append(all.size());
                Set<String> missing = new TreeSet<>(all);
                missing.removeAll(got);
                if (!missing.isEmpty() && missing.size() <= 60) {
                    d.append(" (never seen: ").append(String.join(", ", missing)).append(')');
                } else if (!missing.isEmpty()) {
                    d.append(" (").append(missing.size()).append(" never seen)");
                }
                d.append('\n');
            }
            out.append("| ").append(service).append(" | ").append(replies.getOrDefault(service, 0)).append(" | ")
                    .append(ok).append('/').append(ops.size()).append(" | ").append(err).append('/')
                    .append(ops.size()).append(" | ").append(seen).append('/').append(total).append(" |\n");
            detail.put(service, d.toString());
        }
        detail.forEach((service, d) -> out.append("\n## ").append(service).append("\n\n").append(d));
        Set<String> extra = new TreeSet<>();
        successBy.forEach((service, ops) -> ops.keySet().forEach(op -> {
            if (!APP_OPERATIONS.getOrDefault(service, List.of()).contains(op)) {
                extra.add(service + " " + op);
            }
        }));
        if (!extra.isEmpty()) {
            out.append("\nAlso checked (not called by the app): ").append(String.join(", ", extra)).append('\n');
        }
        Set<String> seenCodes = errorCodesSeen();
        Set<String> reached = new TreeSet<>(mappedCodes);
        reached.retainAll(seenCodes);
        Set<String> unreached = new TreeSet<>(mappedCodes);
        unreached.removeAll(seenCodes);
        out.append("\n## Error codes\n\nAWS error codes AwsErrors maps, answered by the simulator and checked: ")
                .append(reached.size()).append('/').append(mappedCodes.size()).append(": ")
                .append(String.join(", ", reached)).append("\n\nNever answered in these scenarios: ")
                .append(String.join(", ", unreached)).append("\n\nAll error codes seen: ")
                .append(String.join(", ", seenCodes)).append('\n');
        out.append("\n## Departures from the models\n\n");
        if (violations.isEmpty()) {
            out.append("None.\n");
        } else {
            out.append("| kind | service | where | problem | expected | actual | operations |\n");
            out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        }
        // One row per departure, with every operation whose replies had it.
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        for (Violation v : violations) {
            String where = v.shape().isEmpty() ? v.path() : v.shape();
            String expected = v.problem().equals("unknown member") ? "a member of " + v.shape() : v.expected();
            String key = String.join(" | ", KnownGaps.label(v).strip(), v.service(), where, v.problem(),
                    expected.replace("|", "/"), v.actual());
            operations.computeIfAbsent(key, k -> new TreeSet<>()).add(v.operation());
        }
        operations.forEach((key, ops) -> out.append("| ").append(key.startsWith(" |") ? "NEW" + key : key)
                .append(" | ").append(String.join(", ", ops)).append(" |\n"));
        return out.toString();
    }
}
