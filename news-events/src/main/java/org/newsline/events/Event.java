package org.newsline.events;

/**
 * A value on one of the Newsline topics. Every value carries the integer {@code schemaVersion} of the
 * contract it was written with; adding a field does not bump it, and readers ignore fields they do not know.
 */
public interface Event {

    /** The contract version this code writes and the newest it reads. */
    int SCHEMA_VERSION = 1;

    int schemaVersion();
}
