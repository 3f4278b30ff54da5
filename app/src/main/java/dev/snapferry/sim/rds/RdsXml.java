package dev.snapferry.sim.rds;

import dev.snapferry.sim.http.SimResponse;
import dev.snapferry.sim.http.Xml;
import dev.snapferry.sim.state.SimCluster;
import dev.snapferry.sim.state.SimSnapshot;
import dev.snapferry.sim.state.SnapshotView;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Writes RDS Query replies: the response envelope, cluster snapshots and clusters, as the RDS API does. */
final class RdsXml {

    static final String NAMESPACE = "http://rds.amazonaws.com/doc/2014-10-31/";

    private RdsXml() {
    }

    /** {@code <ActionResponse><ActionResult>body</ActionResult><ResponseMetadata>...}. */
    static SimResponse reply(String action, String requestId, Consumer<Xml> body) {
        Xml xml = new Xml().open(action + "Response", NAMESPACE).open(action + "Result");
        body.accept(xml);
        xml.close(action + "Result").open("ResponseMetadata").leaf("RequestId", requestId)
                .close("ResponseMetadata").close(action + "Response");
        return SimResponse.xml(xml.toString());
    }

    /** A reply with no result element (RemoveTagsFromResource, AddTagsToResource). */
    static SimResponse empty(String action, String requestId) {
        Xml xml = new Xml().open(action + "Response", NAMESPACE).open("ResponseMetadata")
                .leaf("RequestId", requestId).close("ResponseMetadata").close(action + "Response");
        return SimResponse.xml(xml.toString());
    }

    /**
     * One {@code DBClusterSnapshot}. {@code typeForCaller} is {@code shared} or {@code public} when the caller
     * sees another account's snapshot.
     */
    static void snapshot(Xml xml, SnapshotView s, String typeForCaller, @Nullable String statusOverride) {
        var spec = s.spec();
        xml.open("DBClusterSnapshot");
        xml.open("AvailabilityZones");
        spec.availabilityZones().forEach(az -> xml.leaf("AvailabilityZone", az));
        xml.close("AvailabilityZones");
        String engine = spec.engine();
        xml.leaf("DBClusterSnapshotIdentifier", spec.identifier())
                .leaf("DBClusterIdentifier", spec.clusterRef())
                .leaf("SnapshotCreateTime", spec.createTime())
                .leaf("Engine", engine);
        if (SnapshotFields.isAurora(engine)) {
            xml.leaf("EngineMode", "provisioned");
        }
        Integer allocated = SnapshotFields.allocatedStorage(spec);
        if (allocated != null) {
            xml.leaf("AllocatedStorage", allocated);
        }
        xml.leaf("Status", statusOverride != null ? statusOverride : status(s.phase()))
                .leaf("Port", spec.port())
                .leaf("VpcId", spec.vpcId())
                .leaf("ClusterCreateTime", spec.clusterCreateTime())
                .leaf("MasterUsername", spec.masterUsername())
                .leaf("EngineVersion", spec.engineVersion());
        String license = SnapshotFields.licenseModel(engine);
        if (license != null) {
            xml.leaf("LicenseModel", license);
        }
        xml.leaf("SnapshotType", typeForCaller)
                .leaf("PercentProgress", s.percent())
                .leaf("StorageEncrypted", spec.encrypted())
                .leaf("KmsKeyId", spec.kmsKeyId())
                .leaf("DBClusterSnapshotArn", spec.arn())
                .leaf("SourceDBClusterSnapshotArn", spec.sourceArn());
        if (!SnapshotFields.isDocDb(engine)) {
            xml.leaf("IAMDatabaseAuthenticationEnabled", false);
        }
        tagList(xml, s.tags());
        xml.leaf("StorageType", spec.storageType());
        String resourceId = SnapshotFields.clusterResourceId(spec);
        if (resourceId != null) {
            xml.leaf("DbClusterResourceId", resourceId);
        }
        xml.close("DBClusterSnapshot");
    }

    static void cluster(Xml xml, SimCluster c, Map<String, String> tags) {
        xml.open("DBCluster")
                .leaf("AllocatedStorage", c.allocatedStorageGiB())
                .leaf("DBClusterIdentifier", c.identifier())
                .leaf("Status", c.status())
                .leaf("Engine", c.engine())
                .leaf("EngineVersion", c.engineVersion())
                .leaf("Port", port(c.engine()))
                .leaf("MultiAZ", false)
                .leaf("StorageEncrypted", c.encrypted())
                .leaf("KmsKeyId", c.kmsKeyId())
                .leaf("DBClusterArn", c.arn())
                .leaf("ClusterCreateTime", c.createTime())
                .leaf("BackupRetentionPeriod", c.backupRetentionDays())
                .leaf("CopyTagsToSnapshot", c.copyTagsToSnapshot());
        tagList(xml, tags);
        xml.close("DBCluster");
    }

    static void tagList(Xml xml, Map<String, String> tags) {
        xml.open("TagList");
        tags.forEach((k, v) -> xml.open("Tag").leaf("Key", k).leaf("Value", v).close("Tag"));
        xml.close("TagList");
    }

    static String status(SimSnapshot.Phase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    static int port(String engine) {
        return switch (engine) {
            case "aurora-postgresql", "postgres" -> 5432;
            case "docdb" -> 27017;
            case "neptune" -> 8182;
            default -> 3306;
        };
    }
}
