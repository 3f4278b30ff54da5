package dev.snapferry.app;

/** The application version, from the jar manifest that Maven writes. */
public final class Version {

    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
