package dev.snapferry.ui.testing;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.testfx.api.FxRobot;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waits for a control of a window that is still opening. TestFX's own visibility check reads the scene's size
 * and the node's bounds from the test thread, so while a dialog is being sized it can say "visible" one moment
 * and "not visible" the next. Here the check runs on the FX thread and must hold twice, with the pending FX
 * events handled in between, before the node is handed back.
 */
public final class Shown {

    private Shown() {
    }

    /** The one node matching {@code query}, once it is visible (and enabled, with {@link #enabled}). */
    public static Node node(FxRobot robot, String query, long seconds) throws TimeoutException {
        return await(robot, query, seconds, node -> true);
    }

    public static Node enabled(FxRobot robot, String query, long seconds) throws TimeoutException {
        return await(robot, query, seconds, node -> !node.isDisabled());
    }

    private static Node await(FxRobot robot, String query, long seconds, Predicate<Node> also)
            throws TimeoutException {
        Predicate<Node> ready = NodeQueryUtils.isVisible().and(also);
        Node[] found = new Node[1];
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            Optional<Node> first = onFx(robot, query, ready);
            if (first.isEmpty()) {
                return false;
            }
            WaitForAsyncUtils.waitForFxEvents();
            Optional<Node> again = onFx(robot, query, ready);
            if (again.isPresent() && again.get() == first.get()) {
                found[0] = again.get();
                return true;
            }
            return false;
        });
        return found[0];
    }

    private static Optional<Node> onFx(FxRobot robot, String query, Predicate<Node> ready) {
        return WaitForAsyncUtils.waitForAsyncFx(5_000, () -> robot.lookup(query).match(ready::test).tryQuery());
    }
}
