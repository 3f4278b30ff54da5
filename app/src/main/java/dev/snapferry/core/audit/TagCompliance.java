package dev.snapferry.core.audit;

import dev.snapferry.core.model.Snapshot;
import dev.snapferry.core.model.Tag;
import java.util.ArrayList;
import java.util.List;

/** Which required tag keys a snapshot lacks. Keys compare exactly, as AWS tag keys are case-sensitive. */
public final class TagCompliance {

    private TagCompliance() {
    }

    public static List<String> missing(Snapshot snapshot, List<String> requiredKeys) {
        List<String> missing = new ArrayList<>();
        for (String key : requiredKeys) {
            boolean present = false;
            for (Tag tag : snapshot.tags()) {
                if (tag.key().equals(key)) {
                    present = true;
                    break;
                }
            }
            if (!present) {
                missing.add(key);
            }
        }
        return missing;
    }

    public static boolean compliant(Snapshot snapshot, List<String> requiredKeys) {
        return missing(snapshot, requiredKeys).isEmpty();
    }
}
