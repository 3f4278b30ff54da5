package dev.snapferry.ui.jobs;

import javafx.stage.Window;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop notice when a copy ends: a ControlsFX notification at the corner of the main window, gone after
 * eight seconds, and a line in the log either way.
 */
public final class JobNotices {

    private static final Logger LOG = LoggerFactory.getLogger(JobNotices.class);

    private JobNotices() {
    }

    /** Shows {@code text} under {@code title}; call on the FX thread. */
    public static void show(Window owner, String title, String text) {
        LOG.info("{}", text);
        try {
            Notifications.create().owner(owner).title(title).text(text)
                    .hideAfter(javafx.util.Duration.seconds(8)).showInformation();
        } catch (RuntimeException e) {
            // A desktop without room for popups still has the Copy jobs tab and the log.
            LOG.debug("No notification shown", e);
        }
    }
}
