package dev.snapferry.core.rules;

/** What AWS does when a copy of an unencrypted snapshot names a KMS key. */
public enum UnencryptedKeyRule {
    /** The request is refused (today's behaviour for every engine). */
    ERROR,
    /** The copy is encrypted with the key (the older RDS reference). */
    ENCRYPTS
}
