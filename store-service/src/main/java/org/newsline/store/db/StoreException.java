package org.newsline.store.db;

/** The database failed or could not be reached; the write, if any, was rolled back. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
