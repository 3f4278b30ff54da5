package dev.snapferry.sim.aws;

import java.util.regex.Pattern;

/**
 * What AWS accepts as the name of a new cluster snapshot, the same for every engine. Sources, each stating the same
 * three constraints ("Must contain from 1 to 63 letters, numbers, or hyphens. First character must be a letter.
 * Can't end with a hyphen or contain two consecutive hyphens."):
 * <ul>
 * <li>rds, docdb, neptune service-2.json (2014-10-31), CopyDBClusterSnapshotMessage$TargetDBClusterSnapshotIdentifier
 * and CreateDBClusterSnapshotMessage$DBClusterSnapshotIdentifier;</li>
 * <li>docdb-elastic service-2.json (2022-11-28), CopyClusterSnapshotInput$targetSnapshotName (and its shape
 * CopyClusterSnapshotInputTargetSnapshotNameString, min 1, max 63); CreateClusterSnapshotInput$snapshotName
 * (shape CreateClusterSnapshotInputSnapshotNameString, min 1, max 63, no further text: the simulator holds it to
 * the copy's constraints, which the DocumentDB Developer Guide's elastic-cluster snapshot pages repeat).</li>
 * </ul>
 * "Letters" and "numbers" are read as ASCII: the identifiers are part of ARNs and DNS-style names, and every RDS
 * API reference example uses ASCII only. The names are not case-sensitive ("This parameter isn't case-sensitive",
 * same members), so AWS stores them in lower case.
 */
public final class SnapshotNames {

    /** A letter, then letters or digits each optionally preceded by one hyphen: no "--", no trailing "-". */
    private static final Pattern NAME = Pattern.compile("[A-Za-z](?:-?[A-Za-z0-9])*");
    public static final int MAX_LENGTH = 63;

    private SnapshotNames() {
    }

    public static boolean valid(String name) {
        return !name.isEmpty() && name.length() <= MAX_LENGTH && NAME.matcher(name).matches();
    }
}
