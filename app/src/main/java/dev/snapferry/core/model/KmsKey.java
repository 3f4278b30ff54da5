package dev.snapferry.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A KMS key of one region as the key picker shows it. Users pick keys by alias; requests carry the key ARN.
 *
 * @param awsManaged true for keys AWS creates for a service ({@code alias/aws/rds}); snapshots encrypted with
 *                   them cannot be shared with other accounts
 */
public record KmsKey(String keyId, String arn, List<String> aliases, RegionRef region, KmsKeyState state,
                     boolean awsManaged) {

    public KmsKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(state, "state");
        aliases = List.copyOf(aliases);
    }

    /** The first alias without its {@code alias/} prefix, or the key id when the key has no alias. */
    public String displayName() {
        return aliases.isEmpty() ? keyId : aliases.getFirst().replaceFirst("^alias/", "");
    }

    /** True when this key is named by {@code reference}: its id, its ARN, one of its aliases or alias ARNs. */
    public boolean isNamedBy(String reference) {
        if (reference == null || reference.isBlank()) {
            return false;
        }
        if (reference.equals(keyId) || reference.equals(arn) || aliases.contains(reference)) {
            return true;
        }
        // Aliases are per account and region: another account's alias of the same name is another key.
        Arn own = Arn.parse(arn).orElse(null);
        return Arn.parse(reference)
                .filter(a -> a.service().equals("kms") && a.region().equals(region.code()))
                .filter(a -> own == null
                        || (a.partition().equals(own.partition()) && a.accountId().equals(own.accountId())))
                .map(a -> aliases.contains(a.resource()))
                .orElse(false);
    }
}
