package dev.snapferry.sim.rds;

import dev.snapferry.sim.SimContext;
import dev.snapferry.sim.SimException;
import dev.snapferry.sim.http.FormParams;
import dev.snapferry.sim.http.Protocol;
import dev.snapferry.sim.http.ServiceHandler;
import dev.snapferry.sim.http.SimRequest;
import dev.snapferry.sim.http.SimResponse;

/**
 * The RDS Query API (signing name {@code rds}, version 2014-10-31) that RDS, DocumentDB and Neptune clients all
 * call. One backend: every engine's cluster snapshots live in the same namespace and come back together, exactly
 * as on AWS, so the app must classify them by {@code Engine}.
 */
public final class RdsService implements ServiceHandler {

    private final RdsDescribe describe;
    private final RdsCopy copy;
    private final RdsLifecycle lifecycle;
    private final RdsSharing sharing;
    private final RdsAccount account;

    public RdsService(SimContext ctx) {
        RdsLookup lookup = new RdsLookup(ctx);
        this.describe = new RdsDescribe(lookup);
        this.copy = new RdsCopy(ctx, lookup);
        this.lifecycle = new RdsLifecycle(ctx, lookup);
        this.sharing = new RdsSharing(ctx, lookup);
        this.account = new RdsAccount(lookup);
    }

    @Override
    public String signingName() {
        return "rds";
    }

    @Override
    public Protocol protocol() {
        return Protocol.QUERY;
    }

    @Override
    public String xmlNamespace() {
        return RdsXml.NAMESPACE;
    }

    @Override
    public SimResponse handle(SimRequest request) {
        FormParams params = request.form();
        String action = params.get("Action").orElseThrow(() -> SimException.missingParameter("Action"));
        return switch (action) {
            case "DescribeDBClusterSnapshots" -> describe.snapshots(request, params);
            case "DescribeDBClusters" -> describe.clusters(request, params);
            case "CopyDBClusterSnapshot" -> copy.copy(request, params);
            case "CreateDBClusterSnapshot" -> lifecycle.create(request, params);
            case "DeleteDBClusterSnapshot" -> lifecycle.delete(request, params);
            case "DescribeDBClusterSnapshotAttributes" -> sharing.describeAttributes(request, params);
            case "ModifyDBClusterSnapshotAttribute" -> sharing.modifyAttribute(request, params);
            case "ListTagsForResource" -> sharing.listTags(request, params);
            case "AddTagsToResource" -> sharing.addTags(request, params);
            case "RemoveTagsFromResource" -> sharing.removeTags(request, params);
            case "DescribeAccountAttributes" -> account.attributes(request);
            case "DescribeDBEngineVersions" -> account.engineVersions(request, params);
            default -> throw SimException.badRequest("InvalidAction",
                    "The action " + action + " is not valid for this web service.");
        };
    }
}
