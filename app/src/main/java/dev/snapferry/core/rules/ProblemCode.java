package dev.snapferry.core.rules;

/**
 * Every problem a rule can report, with the message key that explains it to the user and says what to do. The
 * message texts live in the resource bundle; a test checks that each key exists there.
 */
public enum ProblemCode {
    IDENTIFIER_EMPTY("identifier.empty"),
    IDENTIFIER_TOO_LONG("identifier.tooLong"),
    IDENTIFIER_FIRST_NOT_LETTER("identifier.firstNotLetter"),
    IDENTIFIER_INVALID_CHARACTER("identifier.invalidCharacter"),
    IDENTIFIER_TRAILING_HYPHEN("identifier.trailingHyphen"),
    IDENTIFIER_DOUBLE_HYPHEN("identifier.doubleHyphen"),
    IDENTIFIER_TAKEN("identifier.taken"),

    TAG_KEY_EMPTY("tag.key.empty"),
    TAG_KEY_TOO_LONG("tag.key.tooLong"),
    TAG_KEY_RESERVED_PREFIX("tag.key.reservedPrefix"),
    TAG_KEY_INVALID_CHARACTER("tag.key.invalidCharacter"),
    /** A key holds a character outside an engine's ASCII-only key set (DocumentDB Elastic). */
    TAG_KEY_INVALID_ASCII_CHARACTER("tag.key.invalidAsciiCharacter"),
    TAG_VALUE_TOO_LONG("tag.value.tooLong"),
    TAG_VALUE_RESERVED_PREFIX("tag.value.reservedPrefix"),
    TAG_VALUE_INVALID_CHARACTER("tag.value.invalidCharacter"),
    /** A value holds a character outside an engine's ASCII-only value set. */
    TAG_VALUE_INVALID_ASCII_CHARACTER("tag.value.invalidAsciiCharacter"),
    TAG_DUPLICATE_KEY("tag.duplicateKey"),
    TAG_TOO_MANY("tag.tooMany"),
    /** A tag policy's allowed-value pattern is not a regular expression. */
    TAG_POLICY_PATTERN_INVALID("tag.policy.patternInvalid"),
    /**
     * CopyTags would copy a source tag with a reserved prefix. An error, not a warning: AWS refuses the whole copy
     * with InvalidParameterValue ("Tag keys cannot start with the reserved prefix ..."), as public reports of
     * CopyDBSnapshot and CopyDBClusterSnapshot show (cloud-custodian/cloud-custodian#6782,
     * 1Strategy/rds-oracle-cross-account-cross-region-dr#1); a copied tag is held to the rds, docdb and neptune
     * models' Tag$Key rule ("can't be prefixed with aws: or rds:") like a given one. Found by
     * SimulatorRulesTableTest: the simulator refused the copy the wizard let through.
     */
    TAG_SOURCE_RESERVED_PREFIX("tag.sourceReservedPrefix"),

    KMS_KEY_REQUIRED("kms.key.required"),
    KMS_KEY_FORBIDDEN("kms.key.forbidden"),
    KMS_KEY_MALFORMED("kms.key.malformed"),
    KMS_KEY_WRONG_REGION("kms.key.wrongRegion"),
    KMS_KEY_WRONG_PARTITION("kms.key.wrongPartition"),
    KMS_KEY_NOT_USABLE("kms.key.notUsable"),
    KMS_KEY_AWS_MANAGED_NOT_SHAREABLE("kms.key.awsManagedNotShareable", Severity.WARNING),
    SHARE_AWS_MANAGED_KEY("share.awsManagedKey"),
    SHARE_ELASTIC_UNSUPPORTED("share.elasticUnsupported"),
    SHARE_NOT_OWNER("share.notOwner"),
    SHARE_NOT_MANUAL("share.notManual"),
    SHARE_ACCOUNT_NOT_TWELVE_DIGITS("share.account.notTwelveDigits"),
    SHARE_ACCOUNT_IS_OWNER("share.account.isOwner"),
    SHARE_ACCOUNT_ALREADY_LISTED("share.account.alreadyListed"),
    SHARE_ACCOUNT_TOO_MANY("share.account.tooMany"),
    SHARE_PUBLIC_ENCRYPTED("share.public.encrypted"),

    COPY_CROSS_REGION_UNSUPPORTED("copy.crossRegion.unsupported"),
    COPY_SHARED_CROSS_REGION_UNSUPPORTED("copy.crossRegion.sharedUnsupported"),
    COPY_SHARED_ENCRYPTED_CROSS_REGION_UNSUPPORTED("copy.crossRegion.sharedEncryptedUnsupported"),
    COPY_CROSS_PARTITION("copy.crossRegion.otherPartition"),
    COPY_CROSS_REGION_EXCLUDED("copy.crossRegion.excludedRegion"),
    COPY_SOURCE_NOT_AVAILABLE("copy.source.notAvailable"),
    PLAN_ENGINE_NOT_SHAREABLE("plan.engine.notShareable"),
    PLAN_SAME_ACCOUNT("plan.sameAccount"),
    PLAN_INTERMEDIATE_KEY_REQUIRED("plan.intermediateKey.required"),
    PLAN_LANDING_KEY_REQUIRED("plan.landingKey.required"),
    COPY_TARGET_IS_SOURCE("copy.target.isSource");

    private final String messageKey;
    private final Severity severity;

    ProblemCode(String messageKey) {
        this(messageKey, Severity.ERROR);
    }

    ProblemCode(String messageKey, Severity severity) {
        this.messageKey = messageKey;
        this.severity = severity;
    }

    /** The key in {@code messages.properties}, under the {@code rules.} prefix. */
    public String messageKey() {
        return "rules." + messageKey;
    }

    public Severity severity() {
        return severity;
    }
}
