package org.civicassist.kb.load;

/**
 * What one bad entry (a guide file, a FAQ line) does to a load.
 */
public enum LoadMode {
    /** Any problem fails the whole load with every problem listed: for validation and CI. */
    STRICT,
    /**
     * A bad entry is skipped and reported as a warning; the rest loads. The server's default, so that one broken
     * FAQ does not take the assistant down. Problems that leave nothing to load still fail.
     */
    LENIENT
}
