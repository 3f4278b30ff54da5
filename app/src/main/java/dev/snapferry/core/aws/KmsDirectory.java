package dev.snapferry.core.aws;

import dev.snapferry.core.model.Arn;
import dev.snapferry.core.model.KmsKey;
import dev.snapferry.core.model.KmsKeyState;
import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

/**
 * KMS keys by alias, per account and region: one paginated {@code ListAliases} per region, cached, resolves every
 * snapshot's key to its alias; the key picker gets the region's keys with their state and manager.
 */
public final class KmsDirectory {

    /**
     * A region's aliases by key id; AWS managed keys are the targets of {@code alias/aws/...}.
     *
     * @param read false when ListAliases failed: every key's alias is then unknown, not absent
     */
    public record Aliases(Map<String, String> aliasByKeyId, boolean read) {

        /** The aliases of a region whose ListAliases failed. */
        public static final Aliases UNREAD = new Aliases(Map.of(), false);

        public Snapshot resolve(Snapshot snapshot) {
            if (snapshot.kmsKeyId() == null) {
                return snapshot;
            }
            if (!read) {
                return snapshot.isUnknown(Snapshot.Detail.KMS_ALIAS) ? snapshot
                        : snapshot.withUnknown(Snapshot.Detail.KMS_ALIAS);
            }
            String alias = aliasByKeyId.get(keyId(snapshot.kmsKeyId()));
            // The alias strings come from this index, so every row of a key shares one.
            if (alias == null) {
                // The key has no alias; one that was unknown is now known to have none.
                return snapshot.isUnknown(Snapshot.Detail.KMS_ALIAS) ? snapshot.withKmsAlias(null, false) : snapshot;
            }
            return snapshot.withKmsAlias(alias, alias.startsWith("alias/aws/"));
        }
    }

    private final Map<String, Aliases> cache = new ConcurrentHashMap<>();

    /** The region's aliases, from the cache or one paginated ListAliases. */
    public Aliases aliases(AccountSession session, RegionRef region) {
        String key = session.accountId() + "/" + region.code();
        Aliases cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, String> byKey = new HashMap<>();
        KmsClient kms = session.clients().kms(region);
        AwsCallException.call(() -> {
            for (AliasListEntry alias : kms.listAliasesPaginator(b -> b.limit(100)).aliases()) {
                if (alias.targetKeyId() != null) {
                    // The first alias of a key names it in the table; AWS lists aliases by name.
                    byKey.putIfAbsent(alias.targetKeyId(), alias.aliasName());
                }
            }
            return null;
        });
        Aliases aliases = new Aliases(Map.copyOf(byKey), true);
        cache.put(key, aliases);
        return aliases;
    }

    /** Forgets a region's aliases, after the user created or changed keys. */
    public void invalidate(String accountId, RegionRef region) {
        cache.remove(accountId + "/" + region.code());
    }

    /** Every key of the region for the key picker: aliases, state and whether AWS manages it. */
    public List<KmsKey> keys(AccountSession session, RegionRef region) {
        KmsClient kms = session.clients().kms(region);
        Map<String, List<String>> aliasesByKey = new HashMap<>();
        List<KmsKey> keys = new ArrayList<>();
        AwsCallException.call(() -> {
            for (AliasListEntry alias : kms.listAliasesPaginator(b -> b.limit(100)).aliases()) {
                if (alias.targetKeyId() != null) {
                    aliasesByKey.computeIfAbsent(alias.targetKeyId(), k -> new ArrayList<>()).add(alias.aliasName());
                }
            }
            for (KeyListEntry entry : kms.listKeysPaginator(b -> b.limit(100)).keys()) {
                KeyMetadata m = kms.describeKey(b -> b.keyId(entry.keyArn())).keyMetadata();
                keys.add(new KmsKey(m.keyId(), m.arn(), aliasesByKey.getOrDefault(m.keyId(), List.of()), region,
                        KmsKeyState.fromRaw(m.keyStateAsString()), m.keyManager() == KeyManagerType.AWS));
            }
            return null;
        });
        keys.sort(java.util.Comparator.comparing(KmsKey::awsManaged).thenComparing(KmsKey::displayName));
        return keys;
    }

    /** The key id inside a key ARN ({@code arn:...:key/ID}), or the text itself. */
    static String keyId(String reference) {
        return Arn.parse(reference).filter(a -> a.resource().startsWith("key/"))
                .map(a -> a.resource().substring(4)).orElse(reference);
    }
}
