package org.newsline.store.db;

/** A pagination cursor that this store did not hand out for this kind of listing. */
public class InvalidCursorException extends IllegalArgumentException {
    public InvalidCursorException(String message) {
        super(message);
    }
}
