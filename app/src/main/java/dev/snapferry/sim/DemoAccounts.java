package dev.snapferry.sim;

/**
 * The simulated accounts every simulator has: a production account and a disaster-recovery account, each with an
 * IAM user's access key, and roles to switch between them (one that demands MFA). The keys are public test values.
 */
public final class DemoAccounts {

    public static final String PRODUCTION = "111122223333";
    public static final String DISASTER_RECOVERY = "444455556666";

    public static final String PRODUCTION_ACCESS_KEY = "AKIASNAPFERRYPROD001";
    public static final String PRODUCTION_SECRET_KEY = "snapferry-demo-production-secret";
    public static final String DR_ACCESS_KEY = "AKIASNAPFERRYDR00001";
    public static final String DR_SECRET_KEY = "snapferry-demo-dr-secret";

    public static final String DR_ROLE_ARN = "arn:aws:iam::" + DISASTER_RECOVERY + ":role/SnapferryDrOperator";
    public static final String DR_MFA_ROLE_ARN = "arn:aws:iam::" + DISASTER_RECOVERY + ":role/SnapferryDrAdmin";
    public static final String MFA_SERIAL = "arn:aws:iam::" + PRODUCTION + ":mfa/demo-dba";

    private DemoAccounts() {
    }

    public static Identities identities() {
        Identities identities = new Identities();
        identities.addUser(new Identities.User(PRODUCTION_ACCESS_KEY, PRODUCTION_SECRET_KEY, PRODUCTION, "demo-dba"));
        identities.addUser(new Identities.User(DR_ACCESS_KEY, DR_SECRET_KEY, DISASTER_RECOVERY, "dr-dba"));
        identities.addRole(new Identities.Role(DR_ROLE_ARN, DISASTER_RECOVERY, "SnapferryDrOperator", null));
        identities.addRole(new Identities.Role(DR_MFA_ROLE_ARN, DISASTER_RECOVERY, "SnapferryDrAdmin", MFA_SERIAL));
        identities.addRole(new Identities.Role("arn:aws:iam::" + PRODUCTION + ":role/SnapferryProdOperator",
                PRODUCTION, "SnapferryProdOperator", null));
        return identities;
    }
}
