package dev.snapferry.ui.main;

/** One engine's copy rules as the start screen lists them, already worded for the user. */
public record EngineRow(String engine, String apiFamily, String crossRegion, String sharedCrossRegion,
                        String unencryptedWithKey, String maxCopies, String tagCharacters) {
}
