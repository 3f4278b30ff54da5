package dev.snapferry.core.aws;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.ClusterRef;
import dev.snapferry.core.model.CopyRequest;
import dev.snapferry.core.model.Engine;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotStatus;
import dev.snapferry.core.model.SnapshotType;
import dev.snapferry.core.model.Tag;
import dev.snapferry.core.rules.IdentifierRules;
import dev.snapferry.core.rules.TagRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.docdbelastic.model.ClusterInList;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshot;
import software.amazon.awssdk.services.docdbelastic.model.ClusterSnapshotInList;
import software.amazon.awssdk.services.rds.model.DBCluster;

/**
 * Everything Snapferry changes on AWS: copy, create and delete cluster snapshots (deleting a copy in progress is
 * how a copy is cancelled), and tag them. RDS, DocumentDB and Neptune go through their own clients, called in the
 * destination region with the source's ARN, setting {@code sourceRegion} only for cross-region copies so the SDK
 * presigns the request; Elastic through its REST API. Every failure is an {@link AwsCallException}.
 */
public final class SnapshotWriter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SnapshotWriter.class);

    /** Starts a copy; the snapshot returned is the new copy, usually {@code copying}. */
    public Snapshot copy(AccountSession destination, CopyRequest request) {
        RegionRef region = request.destinationRegion();
        Snapshot source = request.source();
        if (request.engine().api() == ApiFamily.DOCDB_ELASTIC) {
            Map<String, String> tags = tagMap(request.tags());
            ClusterSnapshot copy = AwsCallException.call(() -> destination.clients().elastic(region)
                    .copyClusterSnapshot(b -> b.snapshotArn(source.arn())
                            .targetSnapshotName(request.targetIdentifier()).kmsKeyId(request.kmsKeyId())
                            .copyTags(request.copyTags()).tags(tags.isEmpty() ? null : tags)).snapshot());
            return elastic(copy, destination.accountId(), region);
        }
        boolean crossRegion = request.isCrossRegion();
        // The same region and account takes the identifier; anything else must be named by ARN.
        String sourceRef = request.namesSourceByArn() ? source.arn() : source.identifier();
        String sourceRegion = crossRegion ? source.region().code() : null;
        // AWS stores RDS-family identifiers in lower case (CopyDBClusterSnapshot: "This parameter isn't
        // case-sensitive"), and the filters that find the copy afterwards are case-sensitive: name it as AWS will.
        String target = IdentifierRules.normalize(request.targetIdentifier());
        AwsCallException.call(() -> switch (request.engine()) {
            case DOCUMENTDB -> destination.clients().docdb(region).copyDBClusterSnapshot(b -> b
                    .sourceDBClusterSnapshotIdentifier(sourceRef).targetDBClusterSnapshotIdentifier(target)
                    .kmsKeyId(request.kmsKeyId()).copyTags(request.copyTags()).sourceRegion(sourceRegion)
                    .tags(request.tags().stream().map(t -> software.amazon.awssdk.services.docdb.model.Tag.builder()
                            .key(t.key()).value(t.value()).build()).toList()));
            case NEPTUNE -> destination.clients().neptune(region).copyDBClusterSnapshot(b -> b
                    .sourceDBClusterSnapshotIdentifier(sourceRef).targetDBClusterSnapshotIdentifier(target)
                    .kmsKeyId(request.kmsKeyId()).copyTags(request.copyTags()).sourceRegion(sourceRegion)
                    .tags(request.tags().stream().map(t -> software.amazon.awssdk.services.neptune.model.Tag
                            .builder().key(t.key()).value(t.value()).build()).toList()));
            default -> destination.clients().rds(region).copyDBClusterSnapshot(b -> b
                    .sourceDBClusterSnapshotIdentifier(sourceRef).targetDBClusterSnapshotIdentifier(target)
                    .kmsKeyId(request.kmsKeyId()).copyTags(request.copyTags()).sourceRegion(sourceRegion)
                    .tags(rdsTags(request.tags())));
        });
        // The copy is accepted: from here on, no failure may make it look refused (a caller would send it again
        // and, meanwhile, count one copy fewer against AWS's five at a time). The describe only adds detail.
        try {
            Optional<Snapshot> described = describe(destination, region, target);
            if (described.isPresent()) {
                return described.get();
            }
        } catch (AwsCallException e) {
            LOG.info("Copy {} accepted; describing it was refused ({}), so it is followed as just started", target,
                    e.failure().awsCode());
        }
        return new Snapshot(target, Arn.clusterSnapshot(region, destination.accountId(), target).toString(),
                destination.accountId(), region, request.engine(), source.engineVersion(),
                source.clusterIdentifier(), SnapshotType.MANUAL, SnapshotStatus.fromRds("copying", 0),
                source.createTime(), source.storageEncrypted() || request.kmsKeyId() != null,
                request.kmsKeyId() != null ? request.kmsKeyId() : source.kmsKeyId(),
                TagRules.resultingTags(request.copyTags(), source.tags(), request.tags()), source.arn(),
                source.allocatedStorageGiB(), source.storageType(), null, false);
    }

    /** Takes a manual snapshot of a cluster; the snapshot returned is {@code creating}. */
    public Snapshot create(AccountSession session, ClusterRef cluster, String identifier, List<Tag> tags) {
        RegionRef region = cluster.region();
        if (cluster.engine().api() == ApiFamily.DOCDB_ELASTIC) {
            Map<String, String> map = tagMap(tags);
            ClusterSnapshot created = AwsCallException.call(() -> session.clients().elastic(region)
                    .createClusterSnapshot(b -> b.clusterArn(cluster.arn()).snapshotName(identifier)
                            .tags(map.isEmpty() ? null : map)).snapshot());
            return elastic(created, session.accountId(), region);
        }
        AwsCallException.call(() -> session.clients().rds(region).createDBClusterSnapshot(b -> b
                .dbClusterIdentifier(cluster.identifier()).dbClusterSnapshotIdentifier(identifier)
                .tags(rdsTags(tags))));
        // Accepted: a refused describe must not make it look refused (the user would try again and meet
        // "already exists"). The describe only adds detail.
        try {
            Optional<Snapshot> described = describe(session, region, identifier);
            if (described.isPresent()) {
                return described.get();
            }
        } catch (AwsCallException e) {
            LOG.info("Snapshot {} accepted; describing it was refused ({}), so it is shown as just started",
                    identifier, e.failure().awsCode());
        }
        return new Snapshot(identifier, Arn.clusterSnapshot(region, session.accountId(), identifier).toString(),
                session.accountId(), region, cluster.engine(), null, cluster.identifier(), SnapshotType.MANUAL,
                SnapshotStatus.fromRds("creating", 0), null, false, null, tags, null, null, null, null, false);
    }

    /** Deletes a manual snapshot, or cancels a copy by deleting its target while it is copying. */
    public void delete(AccountSession session, Snapshot snapshot) {
        RegionRef region = snapshot.region();
        AwsCallException.call(() -> switch (snapshot.engine()) {
            case DOCUMENTDB_ELASTIC -> session.clients().elastic(region)
                    .deleteClusterSnapshot(b -> b.snapshotArn(snapshot.arn()));
            case DOCUMENTDB -> session.clients().docdb(region)
                    .deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(snapshot.identifier()));
            case NEPTUNE -> session.clients().neptune(region)
                    .deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(snapshot.identifier()));
            default -> session.clients().rds(region)
                    .deleteDBClusterSnapshot(b -> b.dbClusterSnapshotIdentifier(snapshot.identifier()));
        });
    }

    /** Adds or overwrites tags: a list of key/value pairs for the RDS family, a map for Elastic. */
    public void addTags(AccountSession session, Snapshot snapshot, List<Tag> tags) {
        RegionRef region = snapshot.region();
        AwsCallException.call(() -> snapshot.engine().api() == ApiFamily.DOCDB_ELASTIC
                ? session.clients().elastic(region).tagResource(b -> b.resourceArn(snapshot.arn())
                        .tags(tagMap(tags)))
                : session.clients().rds(region).addTagsToResource(b -> b.resourceName(snapshot.arn())
                        .tags(rdsTags(tags))));
    }

    public void removeTags(AccountSession session, Snapshot snapshot, List<String> keys) {
        RegionRef region = snapshot.region();
        AwsCallException.call(() -> snapshot.engine().api() == ApiFamily.DOCDB_ELASTIC
                ? session.clients().elastic(region).untagResource(b -> b.resourceArn(snapshot.arn()).tagKeys(keys))
                : session.clients().rds(region).removeTagsFromResource(b -> b.resourceName(snapshot.arn())
                        .tagKeys(keys)));
    }

    /**
     * Who may restore an RDS-family manual snapshot besides its owner: its {@code restore} attribute, where
     * {@code all} means anyone.
     */
    public java.util.Set<String> restoreAccounts(AccountSession session, Snapshot snapshot) {
        return restoreValues(AwsCallException.call(() -> session.clients().rds(snapshot.region())
                .describeDBClusterSnapshotAttributes(b -> b.dbClusterSnapshotIdentifier(snapshot.identifier()))
                .dbClusterSnapshotAttributesResult()));
    }

    /**
     * Stops sharing a snapshot with everyone ({@code restore} loses {@code all}); the accounts it is shared with
     * by name keep their access. Returns the {@code restore} attribute as AWS now has it.
     */
    public java.util.Set<String> makePrivate(AccountSession session, Snapshot snapshot) {
        return restoreValues(AwsCallException.call(() -> session.clients().rds(snapshot.region())
                .modifyDBClusterSnapshotAttribute(b -> b.dbClusterSnapshotIdentifier(snapshot.identifier())
                        .attributeName("restore").valuesToRemove("all"))
                .dbClusterSnapshotAttributesResult()));
    }

    /**
     * Changes who may restore an RDS-family manual snapshot in one ModifyDBClusterSnapshotAttribute: {@code add}
     * joins its {@code restore} attribute, {@code remove} leaves it ({@code all} is the public). Only the changes are
     * sent, so accounts another user added meanwhile are kept. Returns the attribute as AWS now has it.
     */
    public java.util.Set<String> share(AccountSession session, Snapshot snapshot, java.util.Collection<String> add,
                                       java.util.Collection<String> remove) {
        software.amazon.awssdk.services.rds.model.ModifyDbClusterSnapshotAttributeRequest.Builder request =
                software.amazon.awssdk.services.rds.model.ModifyDbClusterSnapshotAttributeRequest.builder()
                        .dbClusterSnapshotIdentifier(snapshot.identifier()).attributeName("restore");
        // An empty list would still be sent (as an empty parameter): leave out the side that has nothing.
        if (!add.isEmpty()) {
            request.valuesToAdd(List.copyOf(add));
        }
        if (!remove.isEmpty()) {
            request.valuesToRemove(List.copyOf(remove));
        }
        return restoreValues(AwsCallException.call(() -> session.clients().rds(snapshot.region())
                .modifyDBClusterSnapshotAttribute(request.build()).dbClusterSnapshotAttributesResult()));
    }

    private static java.util.Set<String> restoreValues(
            software.amazon.awssdk.services.rds.model.DBClusterSnapshotAttributesResult result) {
        return result.dbClusterSnapshotAttributes().stream()
                .filter(a -> "restore".equals(a.attributeName()))
                .flatMap(a -> a.attributeValues().stream())
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    /** One RDS-family snapshot of the account and region by identifier, or empty when it does not exist. */
    public Optional<Snapshot> describe(AccountSession session, RegionRef region, String identifier) {
        try {
            return AwsCallException.call(() -> session.clients().rds(region).describeDBClusterSnapshots(b -> b
                    .dbClusterSnapshotIdentifier(identifier)).dbClusterSnapshots()).stream()
                    .flatMap(s -> SnapshotMapper.fromRds(s, session.accountId(), region).stream()).findFirst();
        } catch (AwsCallException e) {
            if (e.failure() instanceof AwsFailure.NotFound) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The RDS-family snapshots named {@code identifiers} (any engine of the family), with one filtered describe per
     * hundred names: how copy jobs follow their targets without listing the whole region.
     */
    public List<Snapshot> describeNamed(AccountSession session, RegionRef region,
                                        java.util.Collection<String> identifiers) {
        // Filter values are matched case-sensitively (DescribeDBClusterSnapshots, Filters, in the RDS API
        // reference) against identifiers AWS stores in lower case: a name typed "DR-Copy" is "dr-copy" there.
        List<String> names = identifiers.stream().map(IdentifierRules::normalize).distinct().toList();
        List<Snapshot> found = new ArrayList<>();
        for (int from = 0; from < names.size(); from += 100) {
            List<String> chunk = names.subList(from, Math.min(names.size(), from + 100));
            AwsCallException.call(() -> {
                session.clients().rds(region).describeDBClusterSnapshotsPaginator(b -> b.maxRecords(100)
                        .filters(software.amazon.awssdk.services.rds.model.Filter.builder()
                                .name("db-cluster-snapshot-id").values(chunk).build()))
                        .dbClusterSnapshots().forEach(s -> SnapshotMapper.fromRds(s, session.accountId(), region)
                                .ifPresent(found::add));
                return null;
            });
        }
        return found;
    }

    /** The account's manual DocumentDB Elastic snapshots of a region, in one paginated listing. */
    public List<Snapshot> elasticManual(AccountSession session, RegionRef region) {
        List<Snapshot> found = new ArrayList<>();
        AwsCallException.call(() -> {
            session.clients().elastic(region).listClusterSnapshotsPaginator(b -> b.maxResults(100)
                    .snapshotType(SnapshotMapper.elasticListFilter(SnapshotType.MANUAL))).snapshots()
                    .forEach(s -> found.add(SnapshotMapper.fromElastic(s, SnapshotType.MANUAL, Map.of(),
                            session.accountId(), region)));
            return null;
        });
        return found;
    }

    /** The clusters of a region that snapshots can be taken of, both API families. */
    public List<ClusterRef> clusters(AccountSession session, RegionRef region) {
        List<ClusterRef> result = new ArrayList<>();
        AwsCallException.call(() -> {
            for (DBCluster c : session.clients().rds(region).describeDBClustersPaginator(b -> b.maxRecords(100))
                    .dbClusters()) {
                Engine.fromRaw(c.engine()).ifPresent(engine -> result.add(new ClusterRef(c.dbClusterIdentifier(),
                        c.dbClusterArn(), engine, region, String.valueOf(c.status()))));
            }
            for (ClusterInList c : session.clients().elastic(region).listClustersPaginator(b -> b.maxResults(100))
                    .clusters()) {
                result.add(new ClusterRef(c.clusterName(), c.clusterArn(), Engine.DOCUMENTDB_ELASTIC, region,
                        c.statusAsString()));
            }
            return null;
        });
        return result;
    }

    private static Snapshot elastic(ClusterSnapshot s, String accountId, RegionRef region) {
        ClusterSnapshotInList entry = ClusterSnapshotInList.builder().snapshotArn(s.snapshotArn())
                .snapshotName(s.snapshotName()).clusterArn(s.clusterArn()).status(s.status())
                .snapshotCreationTime(s.snapshotCreationTime()).build();
        SnapshotType type = SnapshotType.fromRaw(s.snapshotTypeAsString()).orElse(SnapshotType.MANUAL);
        Snapshot base = SnapshotMapper.fromElastic(entry, type, Map.of(), accountId, region);
        return new Snapshot(base.identifier(), base.arn(), accountId, region, base.engine(), null,
                base.clusterIdentifier(), type, base.status(), base.createTime(), true, s.kmsKeyId(), List.of(), null,
                null, null, null, false);
    }

    private static List<software.amazon.awssdk.services.rds.model.Tag> rdsTags(List<Tag> tags) {
        return tags.stream().map(t -> software.amazon.awssdk.services.rds.model.Tag.builder().key(t.key())
                .value(t.value()).build()).toList();
    }

    private static Map<String, String> tagMap(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }
}
