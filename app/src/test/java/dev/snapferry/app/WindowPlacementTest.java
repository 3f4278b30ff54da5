package dev.snapferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the main window opens, for the screens a user may have (visual bounds: without task bars and docks). */
class WindowPlacementTest {

    private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1366, 736);
    private static final Rectangle2D FULL_HD = new Rectangle2D(0, 27, 1920, 1053);
    private static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1920, 0, 2560, 1400);

    @Test
    void aFirstStartOnASmallScreenFillsItInsteadOfRunningOffIt() {
        Preferences.Window place = WindowPlacement.choose(null, List.of(LAPTOP), LAPTOP);

        assertThat(place).isEqualTo(new Preferences.Window(0, 0, 1366, 736, false));
    }

    @Test
    void aFirstStartOnALargeScreenOpensAtThePreferredSizeCentred() {
        Preferences.Window place = WindowPlacement.choose(null, List.of(FULL_HD), FULL_HD);

        assertThat(place).isEqualTo(new Preferences.Window(220, 27 + (1053 - 900) / 2.0, 1480, 900, false));
    }

    @Test
    void aRememberedPlaceOnAScreenStillThereIsKeptMaximisedOrNot() {
        Preferences.Window saved = new Preferences.Window(2100, 100, 1600, 1000, true);

        assertThat(WindowPlacement.choose(saved, List.of(FULL_HD, RIGHT_MONITOR), FULL_HD)).isEqualTo(saved);
    }

    @Test
    void aPlaceOnAMonitorNoLongerThereFallsBackToTheFirstStartsPlace() {
        Preferences.Window saved = new Preferences.Window(2100, 100, 1600, 1000, false);

        assertThat(WindowPlacement.choose(saved, List.of(FULL_HD), FULL_HD))
                .isEqualTo(WindowPlacement.choose(null, List.of(FULL_HD), FULL_HD));
    }

    @Test
    void aWindowWhoseTitleBarIsBarelyOnScreenIsNotRestoredThere() {
        // Only 30 px of its left edge on the laptop's screen: not enough to grab it.
        Preferences.Window saved = new Preferences.Window(-1170, 200, 1200, 500, false);

        assertThat(WindowPlacement.choose(saved, List.of(LAPTOP), LAPTOP).x()).isZero();
        assertThat(WindowPlacement.choose(saved, List.of(LAPTOP), LAPTOP).width()).isEqualTo(1366);
    }

    @Test
    void aPlaceLargerThanTheScreenNowIsShrunkAndMovedOntoIt() {
        // Left at 1600 x 1000 on a large monitor, now on the laptop's screen, partly below it.
        Preferences.Window saved = new Preferences.Window(200, 300, 1600, 1000, false);

        Preferences.Window place = WindowPlacement.choose(saved, List.of(LAPTOP), LAPTOP);

        assertThat(place).isEqualTo(new Preferences.Window(0, 0, 1366, 736, false));
    }

    @Test
    void aPlacePartlyOffTheScreenIsMovedOnlyAsFarAsNeeded() {
        Preferences.Window saved = new Preferences.Window(1000, 100, 1000, 600, false);

        assertThat(WindowPlacement.choose(saved, List.of(FULL_HD), FULL_HD))
                .isEqualTo(new Preferences.Window(920, 100, 1000, 600, false));
    }
}
