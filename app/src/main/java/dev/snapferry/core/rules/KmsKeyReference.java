package dev.snapferry.core.rules;

import dev.snapferry.core.model.Arn;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A KMS key reference as a user or AWS writes it: a key id, a multi-Region key id, an alias name, a key ARN or
 * an alias ARN. Only ARNs carry a region and a partition.
 */
public record KmsKeyReference(Kind kind, String text, @Nullable Arn arn) {

    public enum Kind {
        KEY_ID,
        ALIAS_NAME,
        KEY_ARN,
        ALIAS_ARN
    }

    private static final Pattern KEY_ID = Pattern.compile(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|mrk-[0-9a-fA-F]{32})$");
    private static final Pattern ALIAS = Pattern.compile("^alias/[a-zA-Z0-9/_-]{1,250}$");

    /** Parses a reference; anything KMS would not accept as a {@code KeyId} gives empty. */
    public static Optional<KmsKeyReference> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (KEY_ID.matcher(text).matches()) {
            return Optional.of(new KmsKeyReference(Kind.KEY_ID, text, null));
        }
        if (ALIAS.matcher(text).matches()) {
            return Optional.of(new KmsKeyReference(Kind.ALIAS_NAME, text, null));
        }
        Optional<Arn> arn = Arn.parse(text).filter(a -> a.service().equals("kms"))
                .filter(a -> a.accountId().matches("\\d{12}") && !a.region().isEmpty());
        if (arn.isEmpty()) {
            return Optional.empty();
        }
        String resource = arn.get().resource();
        if (resource.startsWith("key/") && KEY_ID.matcher(resource.substring(4)).matches()) {
            return Optional.of(new KmsKeyReference(Kind.KEY_ARN, text, arn.get()));
        }
        if (ALIAS.matcher(resource).matches()) {
            return Optional.of(new KmsKeyReference(Kind.ALIAS_ARN, text, arn.get()));
        }
        return Optional.empty();
    }
}
