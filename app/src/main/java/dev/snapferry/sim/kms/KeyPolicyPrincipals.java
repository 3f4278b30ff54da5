package dev.snapferry.sim.kms;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code AWS} principals of a key policy: which forms KMS accepts and whom each admits. IAM User Guide, "AWS
 * JSON policy elements: Principal": an account is named by its id or by {@code arn:aws:iam::<id>:root}, and then
 * "the account", meaning every principal its own IAM policies allow ("The key policy determines who can have access
 * to the KMS key. The IAM policy determines who does have access", KMS Developer Guide, "Allowing users in other
 * accounts to use a KMS key"); a role ARN admits the role's sessions; {@code "*"} admits everyone.
 *
 * <p>The simulator has no IAM policies: every user and role is taken to hold all permissions its account's IAM
 * could give, so an account's root in a key policy admits all of that account's principals. Principals are checked
 * for form, not for existence (KMS also checks that they exist).
 */
final class KeyPolicyPrincipals {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ARN = Pattern.compile(
            "arn:aws(-cn|-us-gov)?:(iam::\\d{12}:(root|user/.+|role/.+)|sts::\\d{12}:assumed-role/[^/]+/.+)");

    private KeyPolicyPrincipals() {
    }

    /** Whether KMS takes {@code principal} as the value of an {@code AWS} principal. */
    static boolean wellFormed(String principal) {
        return principal.equals("*") || ACCOUNT.matcher(principal).matches() || ARN.matcher(principal).matches();
    }

    /**
     * Whether {@code principal} (a value of a statement's {@code AWS} principal) names the caller. The caller is
     * an IAM user ({@code arn:aws:iam::<id>:user/<name>}), an account root, or an assumed-role session
     * ({@code arn:aws:sts::<id>:assumed-role/<role>/<session>}). Partitions are not compared: the simulator's
     * identities are all written in the {@code aws} partition.
     */
    static boolean admits(String principal, String callerArn, String callerAccount) {
        if (principal.equals("*")) {
            return true;
        }
        if (ACCOUNT.matcher(principal).matches()) {
            return principal.equals(callerAccount);
        }
        Name named = Name.of(principal);
        Name caller = Name.of(callerArn);
        if (named == null || caller == null || !named.account().equals(callerAccount)) {
            return false;
        }
        return switch (named.kind()) {
            case "root" -> true;
            case "user" -> caller.kind().equals("user") && caller.name().equals(named.name());
            case "role" -> caller.kind().equals("assumed-role") && caller.name().equals(named.name());
            case "assumed-role" -> caller.kind().equals("assumed-role") && caller.name().equals(named.name())
                    && caller.session().equals(named.session());
            default -> false;
        };
    }

    /**
     * An IAM or STS principal ARN taken apart: its account, its kind ({@code root}, {@code user}, {@code role},
     * {@code assumed-role}), the user's or role's name without its path, and a session's name.
     */
    private record Name(String account, String kind, String name, String session) {

        static @Nullable Name of(String arn) {
            String[] parts = arn.split(":", 6);
            if (parts.length < 6 || !parts[0].equals("arn")) {
                return null;
            }
            String resource = parts[5];
            if (resource.equals("root")) {
                return new Name(parts[4], "root", "", "");
            }
            int slash = resource.indexOf('/');
            if (slash < 0) {
                return null;
            }
            String kind = resource.substring(0, slash);
            String rest = resource.substring(slash + 1);
            if (kind.equals("assumed-role")) {
                int end = rest.indexOf('/');
                return end < 0 ? null : new Name(parts[4], kind, rest.substring(0, end), rest.substring(end + 1));
            }
            // Users and roles may carry a path (role/aws-reserved/sso.amazonaws.com/Name): the name is the last part,
            // which is also what an assumed-role session's ARN carries.
            return new Name(parts[4], kind, rest.substring(rest.lastIndexOf('/') + 1), "");
        }
    }
}
