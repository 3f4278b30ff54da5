package dev.snapferry.core.audit;

import dev.snapferry.core.model.ApiFamily;
import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.SnapshotType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The audit of a set of snapshots: encryption per engine and per region, snapshots per KMS key, compliance with a
 * tag policy per engine, region and account, who may restore them, and the snapshots with a finding. Every count
 * carries the {@link #id ids} of the snapshots behind it, so a chart slice can open exactly those snapshots.
 *
 * @param encryptionByEngine groups are {@link dev.snapferry.core.model.EngineFamily} names
 * @param complianceByEngine groups are {@link dev.snapferry.core.model.EngineFamily} names
 * @param keysNotChecked     the ids of the encrypted snapshots whose key could not be read: in no key's count
 */
public record Audit(
        int total,
        TagPolicy policy,
        List<Slice<Encryption>> encryptionByEngine,
        List<Slice<Encryption>> encryptionByRegion,
        List<KeyUse> keys,
        List<Slice<Compliance>> complianceByEngine,
        List<Slice<Compliance>> complianceByRegion,
        List<Slice<Compliance>> complianceByAccount,
        List<Slice<Sharing>> sharing,
        List<Finding> findings,
        List<String> keysNotChecked) {

    public enum Encryption { ENCRYPTED, UNENCRYPTED }

    /** {@code NOT_CHECKED}: the snapshot's tags could not be read, so it is neither compliant nor not. */
    public enum Compliance { COMPLIANT, NOT_COMPLIANT, NOT_CHECKED }

    public enum Sharing {
        /** Only its owner may restore it. */
        PRIVATE,
        /** Named accounts may restore it. */
        SHARED,
        /** Anyone may restore it ({@code restore} includes {@code all}). */
        PUBLIC,
        /** Another account's snapshot that this one may restore. */
        SHARED_WITH_YOU,
        /** Automated and DocumentDB Elastic snapshots cannot be shared. */
        NOT_SHAREABLE,
        /** A manual snapshot whose {@code restore} attribute has not been read (yet, or it could not be). */
        NOT_CHECKED
    }

    /** The snapshots of one group (an engine, region or account) that fall in {@code category}. */
    public record Slice<C extends Enum<C>>(String group, C category, List<String> ids) {
        public Slice {
            ids = List.copyOf(ids);
        }

        public int count() {
            return ids.size();
        }
    }

    /**
     * The snapshots encrypted with one key.
     *
     * @param keyId      the key as AWS reports it (an ARN or id)
     * @param label      its alias when known, else its id
     * @param awsManaged an AWS managed key: its snapshots cannot be shared with other accounts
     */
    public record KeyUse(String keyId, String label, boolean awsManaged, List<String> ids) {
        public KeyUse {
            ids = List.copyOf(ids);
        }

        public int count() {
            return ids.size();
        }
    }

    /** A snapshot that breaks the tag policy, is not encrypted, or is public. */
    public record Finding(Snapshot snapshot, List<TagViolation> tags, Sharing sharing) {
        public Finding {
            tags = List.copyOf(tags);
        }

        public boolean unencrypted() {
            return !snapshot.storageEncrypted();
        }

        public boolean isPublic() {
            return sharing == Sharing.PUBLIC;
        }

        /** What the snapshot lacks or carries wrongly, one phrase per problem, separated by semicolons. */
        public String describe() {
            List<String> parts = new ArrayList<>();
            tags.forEach(t -> parts.add(t.describe()));
            if (unencrypted()) {
                parts.add("not encrypted");
            }
            if (isPublic()) {
                parts.add("public");
            }
            return String.join("; ", parts);
        }
    }

    public Audit {
        encryptionByEngine = List.copyOf(encryptionByEngine);
        encryptionByRegion = List.copyOf(encryptionByRegion);
        keys = List.copyOf(keys);
        complianceByEngine = List.copyOf(complianceByEngine);
        complianceByRegion = List.copyOf(complianceByRegion);
        complianceByAccount = List.copyOf(complianceByAccount);
        sharing = List.copyOf(sharing);
        findings = List.copyOf(findings);
        keysNotChecked = List.copyOf(keysNotChecked);
    }

    /**
     * Audits {@code snapshots} against {@code policy}.
     *
     * @param exposure the {@code restore} attribute of the manual snapshots read so far, by ARN (not id: it is the
     *                 snapshot's own, whoever listed it)
     */
    public static Audit of(List<Snapshot> snapshots, TagPolicy policy, Map<String, Exposure> exposure) {
        Objects.requireNonNull(policy, "policy");
        Groups<Encryption> byEngine = new Groups<>(Encryption.class);
        Groups<Encryption> byRegion = new Groups<>(Encryption.class);
        Groups<Compliance> complianceEngine = new Groups<>(Compliance.class);
        Groups<Compliance> complianceRegion = new Groups<>(Compliance.class);
        Groups<Compliance> complianceAccount = new Groups<>(Compliance.class);
        Groups<Sharing> shared = new Groups<>(Sharing.class);
        Map<String, KeyBuilder> keys = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        List<String> keysNotChecked = new ArrayList<>();
        for (Snapshot s : snapshots) {
            String arn = id(s);
            Encryption encryption = s.storageEncrypted() ? Encryption.ENCRYPTED : Encryption.UNENCRYPTED;
            byEngine.add(s.engine().family().name(), encryption, arn);
            byRegion.add(s.region().code(), encryption, arn);
            if (s.storageEncrypted() && s.isUnknown(Snapshot.Detail.KMS_KEY)) {
                keysNotChecked.add(arn);
            } else if (s.storageEncrypted()) {
                String keyId = s.kmsKeyId() == null ? "(unknown key)" : s.kmsKeyId();
                keys.computeIfAbsent(keyId, id -> new KeyBuilder(id, label(s, id), s.awsManagedKey())).ids.add(arn);
            }
            // Tags that could not be read neither comply nor break the policy (an empty policy asks for nothing).
            boolean tagsUnknown = s.isUnknown(Snapshot.Detail.TAGS) && !policy.isEmpty();
            List<TagViolation> violations = tagsUnknown ? List.of() : policy.violations(s);
            Compliance compliance = tagsUnknown ? Compliance.NOT_CHECKED
                    : violations.isEmpty() ? Compliance.COMPLIANT : Compliance.NOT_COMPLIANT;
            complianceEngine.add(s.engine().family().name(), compliance, arn);
            complianceRegion.add(s.region().code(), compliance, arn);
            complianceAccount.add(s.accountId(), compliance, arn);
            Sharing sharing = sharing(s, exposure.get(s.arn()));
            shared.add("", sharing, arn);
            if (!violations.isEmpty() || !s.storageEncrypted() || sharing == Sharing.PUBLIC) {
                findings.add(new Finding(s, violations, sharing));
            }
        }
        // Every account has its own alias/aws/rds in each region, and a chart needs one label per key: a label
        // shared by several keys gets the key's account, then its id, until each is unique.
        List<String> labels = unique(keys.values(), List.of(k -> k.label, k -> k.label + " · " + owner(k.id),
                k -> k.label + " · " + k.id.substring(k.id.lastIndexOf('/') + 1), k -> k.label + " · " + k.id));
        List<KeyBuilder> builders = List.copyOf(keys.values());
        List<KeyUse> keyUses = java.util.stream.IntStream.range(0, builders.size())
                .mapToObj(i -> new KeyUse(builders.get(i).id, labels.get(i), builders.get(i).awsManaged,
                        builders.get(i).ids))
                .sorted(Comparator.comparingInt(KeyUse::count).reversed().thenComparing(KeyUse::label))
                .toList();
        findings.sort(Audit::byAccountRegionIdentifier);
        return new Audit(snapshots.size(), policy, byEngine.slices(), byRegion.slices(), keyUses,
                complianceEngine.slices(), complianceRegion.slices(), complianceAccount.slices(), shared.slices(),
                findings, keysNotChecked);
    }

    /** Findings in the order a reviewer reads them; written out, as chained key comparators cost a third more. */
    private static int byAccountRegionIdentifier(Finding a, Finding b) {
        Snapshot x = a.snapshot();
        Snapshot y = b.snapshot();
        int order = x.accountId().compareTo(y.accountId());
        if (order == 0) {
            order = x.region().code().compareTo(y.region().code());
        }
        return order != 0 ? order : x.identifier().compareTo(y.identifier());
    }

    /**
     * The id of a listed snapshot: the account that listed it and its ARN. A snapshot shared with another open
     * account is listed twice, once by each, with the same ARN.
     */
    public static String id(Snapshot s) {
        return s.accountId() + " " + s.arn();
    }

    /** How {@code s} is shared, given its {@code restore} attribute when it was read. */
    public static Sharing sharing(Snapshot s, @Nullable Exposure exposure) {
        if (s.isForeign()) {
            return Sharing.SHARED_WITH_YOU;
        }
        if (s.type() != SnapshotType.MANUAL || s.engine().api() != ApiFamily.RDS) {
            return Sharing.NOT_SHAREABLE;
        }
        if (exposure == null) {
            return Sharing.NOT_CHECKED;
        }
        return exposure.isPublic() ? Sharing.PUBLIC
                : exposure.isSharedWithAccounts() ? Sharing.SHARED : Sharing.PRIVATE;
    }

    /** Only this account's manual snapshots of the RDS API family have a {@code restore} attribute. */
    public static boolean shareable(Snapshot s) {
        return !s.isForeign() && s.type() == SnapshotType.MANUAL && s.engine().api() == ApiFamily.RDS;
    }

    /** The slice of {@code slices} for {@code group} and {@code category}, or an empty one. */
    public static <C extends Enum<C>> Slice<C> find(List<Slice<C>> slices, String group, C category) {
        return slices.stream().filter(s -> s.group().equals(group) && s.category() == category).findFirst()
                .orElse(new Slice<>(group, category, List.of()));
    }

    /** The number of snapshots in {@code slices} that fall in {@code category}, over all groups. */
    public static <C extends Enum<C>> int count(List<Slice<C>> slices, C category) {
        return slices.stream().filter(s -> s.category() == category).mapToInt(Slice::count).sum();
    }

    private static String label(Snapshot s, String keyId) {
        if (s.kmsKeyAlias() != null) {
            return s.kmsKeyAlias() + " (" + s.region().code() + ")";
        }
        int slash = keyId.lastIndexOf('/');
        return slash >= 0 ? keyId.substring(slash + 1) : keyId;
    }

    /** Each key's label: the first of {@code namings} that no other key shares (the last is unique by id). */
    private static List<String> unique(java.util.Collection<KeyBuilder> keys,
                                       List<java.util.function.Function<KeyBuilder, String>> namings) {
        List<String> labels = new ArrayList<>();
        List<Map<String, Long>> uses = namings.stream().map(naming -> keys.stream().collect(
                java.util.stream.Collectors.groupingBy(naming, java.util.stream.Collectors.counting()))).toList();
        for (KeyBuilder key : keys) {
            int n = 0;
            while (n < namings.size() - 1 && uses.get(n).getOrDefault(namings.get(n).apply(key), 0L) > 1) {
                n++;
            }
            labels.add(namings.get(n).apply(key));
        }
        return labels;
    }

    /** The account in a key ARN, or the id itself when AWS reported a bare key id. */
    private static String owner(String keyId) {
        String[] arn = keyId.split(":", 6);
        return arn.length == 6 && arn[0].equals("arn") && !arn[4].isEmpty() ? arn[4] : keyId;
    }

    private static final class KeyBuilder {
        final String id;
        final String label;
        final boolean awsManaged;
        final List<String> ids = new ArrayList<>();

        KeyBuilder(String id, String label, boolean awsManaged) {
            this.id = id;
            this.label = label;
            this.awsManaged = awsManaged;
        }
    }

    /** Slices by group then category, groups in name order, categories in declaration order. */
    private static final class Groups<C extends Enum<C>> {
        private final Map<String, Map<C, List<String>>> groups = new java.util.HashMap<>();
        private final Class<C> type;

        Groups(Class<C> type) {
            this.type = type;
        }

        void add(String group, C category, String id) {
            groups.computeIfAbsent(group, g -> new java.util.EnumMap<>(type))
                    .computeIfAbsent(category, c -> new ArrayList<>()).add(id);
        }

        List<Slice<C>> slices() {
            List<Slice<C>> slices = new ArrayList<>();
            new TreeMap<>(groups).forEach((group, byCategory) -> byCategory.forEach((category, ids) ->
                    slices.add(new Slice<>(group, category, ids))));
            return slices;
        }
    }
}
