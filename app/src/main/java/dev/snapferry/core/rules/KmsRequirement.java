package dev.snapferry.core.rules;

/** Whether a copy needs, may take or must not take a KMS key, with the one-sentence reason the wizard shows. */
public record KmsRequirement(Need need, Reason reason) {

    public enum Need {
        REQUIRED,
        OPTIONAL,
        FORBIDDEN
    }

    public enum Reason {
        CROSS_REGION_ENCRYPTED("kms.reason.crossRegionEncrypted"),
        SHARED_ENCRYPTED("kms.reason.sharedEncrypted"),
        /** The user's own snapshot, copied into another account through a plan: the copy takes that account's key. */
        OTHER_ACCOUNT_ENCRYPTED("kms.reason.otherAccountEncrypted"),
        SAME_REGION_ENCRYPTED("kms.reason.sameRegionEncrypted"),
        UNENCRYPTED_ERROR("kms.reason.unencryptedError"),
        UNENCRYPTED_ENCRYPTS("kms.reason.unencryptedEncrypts");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return "rules." + messageKey;
        }
    }
}
