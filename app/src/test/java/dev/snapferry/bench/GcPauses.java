package dev.snapferry.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's stop-the-world pauses while a benchmark measures, from the JVM's own notifications: a
 * pause that lands in an FX task shows as that task's time, so it is printed next to the FX figures. G1's
 * concurrent cycle runs beside the app and is counted apart.
 */
final class GcPauses implements AutoCloseable {

    private final List<Double> pauses = new ArrayList<>();
    private final List<Double> concurrent = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                (CompositeData) notification.getUserData());
        double ms = info.getGcInfo().getDuration();
        synchronized (this) {
            (info.getGcName().contains("Concurrent") ? concurrent : pauses).add(ms);
        }
    };

    GcPauses() {
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    synchronized String summary() {
        return String.format(Locale.ROOT, "%d GC pauses, longest %.0f ms, total %.0f ms; %d concurrent cycles "
                + "(%.0f ms beside the app)", pauses.size(), longest(), pauses.stream().mapToDouble(d -> d).sum(),
                concurrent.size(), concurrent.stream().mapToDouble(d -> d).sum());
    }

    synchronized double longest() {
        return pauses.stream().mapToDouble(d -> d).max().orElse(0);
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException e) {
                // already gone
            }
        }
    }
}
