package dev.snapferry.app;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * Where the main window opens, and its place remembered for the next start. A first start opens it at its
 * preferred size, shrunk to what the screen can show (its visual bounds, without task bars and docks) and centred
 * there; later starts open it where it was left, maximised again if it was, unless no screen shows enough of that
 * place any more (a monitor unplugged, a smaller resolution), in which case it opens as at a first start.
 */
final class WindowPlacement {

    static final double PREFERRED_WIDTH = 1480;
    static final double PREFERRED_HEIGHT = 900;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;
    /** How much of a remembered window a screen must show (about its title bar's grip) for it to be put back there. */
    static final double VISIBLE_GRIP = 80;

    private final Stage stage;
    private Preferences.Window normal;

    private WindowPlacement(Stage stage, Preferences.Window normal) {
        this.stage = stage;
        this.normal = normal;
    }

    /**
     * Where to open: {@code saved} when one of {@code screens} (visual bounds) shows at least a grip of it, its size
     * kept within that screen; else the preferred size fitted into {@code primary} and centred there.
     */
    static Preferences.Window choose(Preferences.@Nullable Window saved, List<Rectangle2D> screens,
                                     Rectangle2D primary) {
        if (saved != null && saved.width() >= 1 && saved.height() >= 1) {
            Rectangle2D grip = new Rectangle2D(saved.x(), saved.y(), saved.width(), Math.min(saved.height(),
                    VISIBLE_GRIP));
            for (Rectangle2D screen : screens) {
                if (overlap(grip, screen) >= Math.min(VISIBLE_GRIP, saved.width()) * Math.min(VISIBLE_GRIP / 2,
                        grip.getHeight())) {
                    double width = Math.min(saved.width(), screen.getWidth());
                    double height = Math.min(saved.height(), screen.getHeight());
                    // Moved in only as far as needed for the whole window to be on that screen.
                    double x = clamp(saved.x(), screen.getMinX(), screen.getMaxX() - width);
                    double y = clamp(saved.y(), screen.getMinY(), screen.getMaxY() - height);
                    return new Preferences.Window(x, y, width, height, saved.maximized());
                }
            }
        }
        double width = Math.min(PREFERRED_WIDTH, primary.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, primary.getHeight());
        return new Preferences.Window(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height, false);
    }

    private static double overlap(Rectangle2D a, Rectangle2D b) {
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, Math.max(min, max)));
    }

    /** Puts the stage (not yet shown) where {@link #choose} says, and follows its place from then on. */
    static WindowPlacement apply(Stage stage, Preferences.@Nullable Window saved) {
        Preferences.Window place = choose(saved, Screen.getScreens().stream().map(Screen::getVisualBounds).toList(),
                Screen.getPrimary().getVisualBounds());
        stage.setMinWidth(Math.min(MIN_WIDTH, place.width()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, place.height()));
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(place.maximized());
        WindowPlacement placement = new WindowPlacement(stage, place);
        InvalidationListener moved = o -> placement.follow();
        stage.xProperty().addListener(moved);
        stage.yProperty().addListener(moved);
        stage.widthProperty().addListener(moved);
        stage.heightProperty().addListener(moved);
        return placement;
    }

    /** Calls {@code changed} whenever the window moves, is resized, maximised or restored. */
    void onChange(Runnable changed) {
        InvalidationListener listener = o -> changed.run();
        stage.xProperty().addListener(listener);
        stage.yProperty().addListener(listener);
        stage.widthProperty().addListener(listener);
        stage.heightProperty().addListener(listener);
        stage.maximizedProperty().addListener(listener);
    }

    /** The place to remember: the last bounds it had while neither maximised nor minimised, and whether maximised. */
    Preferences.Window current() {
        return new Preferences.Window(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized());
    }

    private void follow() {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen() && stage.getWidth() > 0
                && stage.getHeight() > 0) {
            normal = new Preferences.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
        }
    }
}
