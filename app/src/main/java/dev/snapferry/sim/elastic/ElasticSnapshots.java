package dev.snapferry.sim.elastic;

import static dev.snapferry.sim.elastic.ElasticJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.snapferry.core.model.Arn;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.aws.EngineRules;
import dev.snapferry.sim.aws.Partitions;
import dev.snapferry.sim.aws.SnapshotNames;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotSpec;
import dev.snapferry.sim.state.SnapshotView;
import dev.snapferry.sim.state.Transfer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Elastic operations. Snapshots live in their account and region; copies stay in their region. */
final class ElasticSnapshots {

    private static final String SNAPSHOT = "CLUSTER_SNAPSHOT";
    private static final String CLUSTER = "CLUSTER";

    private final SimContext ctx;

    ElasticSnapshots(SimContext ctx) {
        this.ctx = ctx;
    }

    ObjectNode list(Caller caller, Map<String, List<String>> query) {
        int max = maxResults(query, 20);
        String clusterArn = first(query, "clusterArn");
        String type = first(query, "snapshotType");
        // botocore docdb-elastic 2022-11-28 service-2.json, ListClusterSnapshotsInput.snapshotType: a plain string
        // documented as "automated" or "manual"; the upper-case SnapshotType enum appears in responses only. Any
        // other spelling is refused, so that a client drifting from the documented values fails here, not on AWS.
        if (type != null && !type.equals("manual") && !type.equals("automated")) {
            throw ElasticJson.validation("1 validation error detected: Value '" + type + "' at 'snapshotType' "
                    + "failed to satisfy constraint: Member must be one of: automated, manual", "snapshotType");
        }
        String after = decodeToken(first(query, "nextToken"));
        List<SnapshotView> views = region(caller).update(now(), r -> {
            List<SnapshotView> all = new ArrayList<>();
            r.elasticSnapshots().values().forEach(s -> all.add(s.view(now(), r.accountId())));
            return all;
        });
        List<SnapshotView> selected = views.stream()
                .filter(v -> clusterArn == null || v.spec().clusterRef().equals(clusterArn))
                .filter(v -> type == null || v.spec().type().equalsIgnoreCase(type))
                .filter(v -> after == null || v.spec().arn().compareTo(after) > 0)
                .toList();
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("snapshots");
        selected.stream().limit(max).forEach(v -> list.add(ElasticJson.inList(v)));
        if (selected.size() > max) {
            reply.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    selected.get(max - 1).spec().arn().getBytes(StandardCharsets.UTF_8)));
        }
        return reply;
    }

    ObjectNode get(Caller caller, String arn) {
        SnapshotView view = region(caller).update(now(), r -> snapshot(r, arn).view(now(), r.accountId()));
        return JSON.createObjectNode().set("snapshot", ElasticJson.full(view, null));
    }

    ObjectNode copy(Caller caller, String sourceArn, JsonNode body) {
        String target = text(body, "targetSnapshotName");
        if (target == null || !SnapshotNames.valid(target)) {
            throw ElasticJson.validation("targetSnapshotName must contain from 1 to 63 letters, numbers, or hyphens, "
                    + "start with a letter, and not end with a hyphen or contain two consecutive hyphens.",
                    "targetSnapshotName");
        }
        Arn parsed = Arn.parse(sourceArn).orElseThrow(() -> ElasticJson.notFound(sourceArn, SNAPSHOT));
        if (!parsed.region().equals(caller.region()) || !parsed.accountId().equals(caller.accountId())) {
            // The API has no source-region parameter: a snapshot of another region or account is not found here.
            throw ElasticJson.notFound(sourceArn, SNAPSHOT);
        }
        String kms = text(body, "kmsKeyId");
        boolean copyTags = body.path("copyTags").asBoolean(false);
        Map<String, String> explicit = tags(body);
        ElasticTagChecks.checkMap(explicit, "tags");
        Instant now = now();
        SnapshotView created = region(caller).update(now, r -> {
            SimSnapshot source = snapshot(r, sourceArn);
            if (source.phase() != SimSnapshot.Phase.AVAILABLE) {
                throw ElasticJson.conflict("Snapshot " + sourceArn + " is not ACTIVE.", sourceArn, SNAPSHOT);
            }
            String name = target.toLowerCase(Locale.ROOT);
            if (r.elasticSnapshots().values().stream().anyMatch(s -> s.spec().identifier().equals(name))) {
                throw ElasticJson.conflict("A snapshot named " + name + " already exists.", name, SNAPSHOT);
            }
            if (r.copiesInFlight(true) >= EngineRules.DOCUMENTDB_ELASTIC.maxCopiesInFlight()) {
                throw new SimException("ServiceQuotaExceededException", 402, "You can have at most "
                        + EngineRules.DOCUMENTDB_ELASTIC.maxCopiesInFlight() + " snapshot copies in progress at a time.");
            }
            String key = source.spec().kmsKeyId();
            if (kms != null) {
                if (!source.spec().encrypted()) {
                    throw ElasticJson.validation("kmsKeyId cannot be given for an unencrypted snapshot.", "kmsKeyId");
                }
                SimKey resolved = r.resolveKey(kms);
                if (resolved == null || !resolved.usable()) {
                    throw ElasticJson.validation("The KMS key " + kms + " does not exist or is not enabled.",
                            "kmsKeyId");
                }
                key = resolved.arn();
            }
            // Explicit tags replace the copied ones (app/docs/aws-rules.md, Tags: observed on the moto emulator).
            boolean fromSource = copyTags && explicit.isEmpty();
            Map<String, String> resulting = fromSource ? new LinkedHashMap<>(source.tags()) : explicit;
            if (fromSource && resulting.keySet().stream().anyMatch(ElasticTagChecks::reserved)) {
                // AWS refuses to copy source tags with a reserved prefix (app/docs/aws-rules.md, Tags), as the RDS
                // copy does.
                throw ElasticJson.validation("Tag keys cannot start with the reserved prefix 'aws:'; the source "
                        + "snapshot's tags cannot be copied.", "copyTags");
            }
            if (resulting.size() > ElasticTagChecks.MAX_TAGS) {
                throw ElasticJson.validation("A resource can have at most " + ElasticTagChecks.MAX_TAGS + " tags.",
                        "tags");
            }
            var spec = source.spec();
            SnapshotSpec copySpec = new SnapshotSpec(name, arn(r, "cluster-snapshot/" + UUID.randomUUID()), true,
                    spec.engine(), spec.engineVersion(), spec.clusterRef(), "manual", now, spec.allocatedStorageGiB(),
                    spec.storageType(), true, key, spec.arn(), spec.clusterCreateTime(), spec.masterUsername(),
                    spec.port(), spec.vpcId(), spec.availabilityZones());
            SimSnapshot copy = new SimSnapshot(copySpec, SimSnapshot.Phase.COPYING, new Transfer(Transfer.Kind.COPY,
                    now, Duration.ofSeconds(60 + 2L * spec.allocatedStorageGiB()), false, null));
            copy.tags().putAll(resulting);
            r.elasticSnapshots().put(copySpec.arn(), copy);
            return copy.view(now, r.accountId());
        });
        return JSON.createObjectNode().set("snapshot", ElasticJson.full(created, null));
    }

    ObjectNode create(Caller caller, JsonNode body) {
        String clusterArn = text(body, "clusterArn");
        String name = text(body, "snapshotName");
        if (clusterArn == null) {
            throw ElasticJson.validation("clusterArn is required.", "clusterArn");
        }
        if (name == null || !SnapshotNames.valid(name)) {
            throw ElasticJson.validation("snapshotName must contain from 1 to 63 letters, numbers, or hyphens, start "
                    + "with a letter, and not end with a hyphen or contain two consecutive hyphens.", "snapshotName");
        }
        Map<String, String> tags = tags(body);
        ElasticTagChecks.checkMap(tags, "tags");
        Instant now = now();
        SnapshotView created = region(caller).update(now, r -> {
            SimCluster cluster = r.elasticClusters().get(clusterArn);
            if (cluster == null) {
                throw ElasticJson.notFound(clusterArn, CLUSTER);
            }
            if (!"ACTIVE".equals(cluster.status())) {
                throw ElasticJson.conflict("Cluster " + clusterArn + " is not ACTIVE.", clusterArn, CLUSTER);
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (r.elasticSnapshots().values().stream().anyMatch(s -> s.spec().identifier().equals(lower))) {
                throw ElasticJson.conflict("A snapshot named " + lower + " already exists.", lower, SNAPSHOT);
            }
            SnapshotSpec spec = new SnapshotSpec(lower, arn(r, "cluster-snapshot/" + UUID.randomUUID()), true,
                    "docdb-elastic", cluster.engineVersion(), cluster.arn(), "manual", now,
                    cluster.allocatedStorageGiB(), "standard", true, cluster.kmsKeyId(), null, cluster.createTime(),
                    "docdbadmin", 27017, "vpc-0sim" + Math.abs(r.region().hashCode() % 1000), List.of());
            SimSnapshot snapshot = new SimSnapshot(spec, SimSnapshot.Phase.CREATING, new Transfer(
                    Transfer.Kind.CREATE, now, Duration.ofSeconds(30 + cluster.allocatedStorageGiB()), false, null));
            snapshot.tags().putAll(tags);
            r.elasticSnapshots().put(spec.arn(), snapshot);
            return snapshot.view(now, r.accountId());
        });
        return JSON.createObjectNode().set("snapshot", ElasticJson.full(created, null));
    }

    ObjectNode delete(Caller caller, String arn) {
        SnapshotView deleted = region(caller).update(now(), r -> {
            SimSnapshot s = snapshot(r, arn);
            if (s.phase() == SimSnapshot.Phase.CREATING) {
                throw ElasticJson.conflict("Snapshot " + arn + " is being created.", arn, SNAPSHOT);
            }
            r.elasticSnapshots().remove(arn);
            return s.view(now(), r.accountId());
        });
        return JSON.createObjectNode().set("snapshot", ElasticJson.full(deleted, "DELETING"));
    }

    ObjectNode clusters(Caller caller, Map<String, List<String>> query) {
        // ListClusters takes 1..100, ListClusterSnapshots 20..100 (the API reference's valid ranges).
        int max = maxResults(query, 1);
        String after = decodeToken(first(query, "nextToken"));
        List<SimCluster> all = region(caller).update(now(), r -> new ArrayList<>(r.elasticClusters().values()));
        List<SimCluster> rest = all.stream().filter(c -> after == null || c.arn().compareTo(after) > 0).toList();
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode list = reply.putArray("clusters");
        rest.stream().limit(max).forEach(c -> list.add(ElasticJson.cluster(c)));
        if (rest.size() > max) {
            reply.put("nextToken", Base64.getUrlEncoder().withoutPadding().encodeToString(
                    rest.get(max - 1).arn().getBytes(StandardCharsets.UTF_8)));
        }
        return reply;
    }

    ObjectNode tags(Caller caller, String arn) {
        Map<String, String> tags = region(caller).update(now(), r -> new LinkedHashMap<>(tagsOf(r, arn)));
        ObjectNode reply = JSON.createObjectNode();
        ObjectNode map = reply.putObject("tags");
        tags.forEach(map::put);
        return reply;
    }

    ObjectNode tag(Caller caller, String arn, JsonNode body) {
        Map<String, String> tags = tags(body);
        ElasticTagChecks.checkMap(tags, "tags");
        region(caller).run(now(), r -> {
            Map<String, String> current = tagsOf(r, arn);
            Map<String, String> next = new LinkedHashMap<>(current);
            next.putAll(tags);
            if (next.size() > ElasticTagChecks.MAX_TAGS) {
                throw ElasticTagChecks.tooManyInTotal();
            }
            current.putAll(next);
        });
        return JSON.createObjectNode();
    }

    ObjectNode untag(Caller caller, String arn, List<String> keys) {
        if (keys.isEmpty()) {
            throw ElasticJson.validation("tagKeys is required.", "tagKeys");
        }
        ElasticTagChecks.checkKeys(keys, "tagKeys");
        region(caller).run(now(), r -> {
            keys.forEach(tagsOf(r, arn)::remove);
        });
        return JSON.createObjectNode();
    }

    private static Map<String, String> tagsOf(RegionState r, String arn) {
        SimSnapshot s = r.elasticSnapshots().get(arn);
        if (s != null) {
            return s.tags();
        }
        SimCluster c = r.elasticClusters().get(arn);
        if (c != null) {
            return c.tags();
        }
        throw ElasticJson.notFound(arn, arn.contains(":cluster/") ? CLUSTER : SNAPSHOT);
    }

    private static SimSnapshot snapshot(RegionState r, String arn) {
        SimSnapshot s = r.elasticSnapshots().get(arn);
        if (s == null) {
            throw ElasticJson.notFound(arn, SNAPSHOT);
        }
        return s;
    }

    private RegionState region(Caller caller) {
        return ctx.world().region(caller.accountId(), caller.region());
    }

    private Instant now() {
        return ctx.clock().now();
    }

    static String arn(RegionState r, String resource) {
        return "arn:" + Partitions.of(r.region()) + ":docdb-elastic:" + r.region() + ":" + r.accountId()
                + ":" + resource;
    }

    private static Map<String, String> tags(JsonNode body) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = body.get("tags");
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }

    private static int maxResults(Map<String, List<String>> query, int min) {
        String text = first(query, "maxResults");
        if (text == null) {
            return 100;
        }
        try {
            int max = Integer.parseInt(text);
            if (max >= min && max <= 100) {
                return max;
            }
        } catch (NumberFormatException e) {
            // fall through to the validation error
        }
        throw ElasticJson.validation("maxResults must be between " + min + " and 100.", "maxResults");
    }

    private static @Nullable String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    private static @Nullable String decodeToken(@Nullable String token) {
        if (token == null) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ElasticJson.validation("Invalid nextToken.", "nextToken");
        }
    }

    private static @Nullable String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
