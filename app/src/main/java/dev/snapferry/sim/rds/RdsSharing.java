package dev.snapferry.sim.rds;

import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.Tag;
import dev.snapferry.sim.Caller;
import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.aws.ClusterTags;
import dev.snapferry.sim.aws.EngineRules;
import dev.snapferry.sim.aws.SnapshotSharing;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.state.RegionState;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimKey;
import dev.snapferry.sim.state.SimSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Snapshot sharing (the {@code restore} attribute; {@code all} makes it public) and resource tags. */
final class RdsSharing {

    private final SimContext ctx;
    private final RdsLookup lookup;

    RdsSharing(SimContext ctx, RdsLookup lookup) {
        this.ctx = ctx;
        this.lookup = lookup;
    }

    SimResponse describeAttributes(SimRequest request, FormParams params) {
        String id = params.required("DBClusterSnapshotIdentifier").toLowerCase(Locale.ROOT);
        List<String> accounts = lookup.own(request.caller()).update(lookup.now(), r -> {
            SimSnapshot s = ownSnapshot(r, id);
            return new ArrayList<>(s.restoreAccounts());
        });
        return attributesReply("DescribeDBClusterSnapshotAttributes", request.requestId(), id, accounts);
    }

    SimResponse modifyAttribute(SimRequest request, FormParams params) {
        String id = params.required("DBClusterSnapshotIdentifier").toLowerCase(Locale.ROOT);
        String attribute = params.required("AttributeName");
        if (!attribute.equals("restore")) {
            throw SimException.invalidParameter("The attribute " + attribute + " cannot be modified; only restore.");
        }
        List<String> add = params.list("ValuesToAdd");
        List<String> remove = params.list("ValuesToRemove");
        for (String value : add) {
            SnapshotSharing.valueRefusal(value).ifPresent(refusal -> {
                throw refusal;
            });
        }
        List<String> accounts = lookup.own(request.caller()).update(lookup.now(), r -> {
            SimSnapshot s = ownSnapshot(r, id);
            SimKey key = s.spec().kmsKeyId() == null ? null : r.resolveKey(s.spec().kmsKeyId());
            var next = new java.util.LinkedHashSet<>(s.restoreAccounts());
            next.addAll(add);
            remove.forEach(next::remove);
            // The rules and their sources: SnapshotSharing.
            SnapshotSharing.shareRefusal(s.spec().type().equals("manual"), s.spec().encrypted(),
                    key != null && key.awsManaged(), add, next).ifPresent(refusal -> {
                        throw refusal;
                    });
            s.restoreAccounts().clear();
            s.restoreAccounts().addAll(next);
            return new ArrayList<>(next);
        });
        return attributesReply("ModifyDBClusterSnapshotAttribute", request.requestId(), id, accounts);
    }

    /** Both attribute operations answer with the snapshot's {@code restore} attribute: who may restore it. */
    private static SimResponse attributesReply(String action, String requestId, String id, List<String> accounts) {
        return RdsXml.reply(action, requestId, xml -> {
            xml.open("DBClusterSnapshotAttributesResult").leaf("DBClusterSnapshotIdentifier", id)
                    .open("DBClusterSnapshotAttributes").open("DBClusterSnapshotAttribute")
                    .leaf("AttributeName", "restore").open("AttributeValues");
            accounts.forEach(a -> xml.leaf("AttributeValue", a));
            xml.close("AttributeValues").close("DBClusterSnapshotAttribute").close("DBClusterSnapshotAttributes")
                    .close("DBClusterSnapshotAttributesResult");
        });
    }

    SimResponse listTags(SimRequest request, FormParams params) {
        Tagged target = resource(request.caller(), params.required("ResourceName"));
        Map<String, String> tags = lookup.own(request.caller()).update(lookup.now(),
                r -> new LinkedHashMap<>(tagsOf(r, target)));
        return RdsXml.reply("ListTagsForResource", request.requestId(), xml -> RdsXml.tagList(xml, tags));
    }

    SimResponse addTags(SimRequest request, FormParams params) {
        Tagged target = resource(request.caller(), params.required("ResourceName"));
        List<Tag> tags = RdsRequests.tags(params);
        lookup.own(request.caller()).run(lookup.now(), r -> {
            Map<String, String> current = tagsOf(r, target);
            ClusterTags.Model model = EngineRules.of(engineOf(r, target)).map(EngineRules::tagModel)
                    .orElse(ClusterTags.Model.RDS);
            Map<String, String> next = new LinkedHashMap<>(current);
            tags.forEach(t -> next.put(t.key(), t.value()));
            // Too many tags is refused, also when one request brings them all.
            if (next.size() > ClusterTags.MAX_TAGS) {
                throw RdsErrors.tooManyTags(ClusterTags.MAX_TAGS);
            }
            ClusterTags.refusal(tags, model).ifPresent(m -> {
                throw SimException.invalidParameter(m);
            });
            current.clear();
            current.putAll(next);
        });
        return RdsXml.empty("AddTagsToResource", request.requestId());
    }

    SimResponse removeTags(SimRequest request, FormParams params) {
        Tagged target = resource(request.caller(), params.required("ResourceName"));
        List<String> keys = params.list("TagKeys");
        lookup.own(request.caller()).run(lookup.now(), r -> {
            keys.forEach(tagsOf(r, target)::remove);
        });
        return RdsXml.empty("RemoveTagsFromResource", request.requestId());
    }

    private record Tagged(boolean cluster, String id) {
    }

    private static Tagged resource(Caller caller, String name) {
        Arn arn = Arn.parse(name).filter(a -> a.service().equals("rds")).orElseThrow(() ->
                SimException.invalidParameter("The specified resource name " + name + " is not a valid ARN."));
        if (!arn.region().equals(caller.region()) || !arn.accountId().equals(caller.accountId())) {
            throw SimException.invalidParameter("The specified resource name does not match an RDS resource in "
                    + "this region.");
        }
        if (arn.resource().startsWith("cluster-snapshot:")) {
            return new Tagged(false, arn.resource().substring("cluster-snapshot:".length()).toLowerCase(Locale.ROOT));
        }
        if (arn.resource().startsWith("cluster:")) {
            return new Tagged(true, arn.resource().substring("cluster:".length()).toLowerCase(Locale.ROOT));
        }
        throw SimException.invalidParameter("Tags are simulated for clusters and cluster snapshots only: " + name);
    }

    private static Map<String, String> tagsOf(RegionState r, Tagged target) {
        return target.cluster() ? ownCluster(r, target.id()).tags() : ownSnapshot(r, target.id()).tags();
    }

    private static String engineOf(RegionState r, Tagged target) {
        return target.cluster() ? ownCluster(r, target.id()).engine() : ownSnapshot(r, target.id()).spec().engine();
    }

    private static SimCluster ownCluster(RegionState r, String id) {
        SimCluster c = r.clusters().get(id);
        if (c == null) {
            throw RdsErrors.clusterNotFound(id);
        }
        return c;
    }

    private static SimSnapshot ownSnapshot(RegionState r, String id) {
        SimSnapshot s = r.snapshots().get(id);
        if (s == null) {
            throw RdsErrors.snapshotNotFound(id);
        }
        return s;
    }
}
