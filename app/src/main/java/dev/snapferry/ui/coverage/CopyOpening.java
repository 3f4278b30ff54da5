package dev.snapferry.ui.coverage;

import dev.snapferry.core.model.RegionRef;
import dev.snapferry.core.model.Snapshot;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opens the copy wizard on {@code sources}, its destination pre-filled when the DR policy names one. */
@FunctionalInterface
public interface CopyOpening {

    void open(List<Snapshot> sources, @Nullable RegionRef region, @Nullable String accountId);
}
