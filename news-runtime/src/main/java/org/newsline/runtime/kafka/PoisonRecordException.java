package org.newsline.runtime.kafka;

/** A record that can never be processed as it is (malformed, wrong key, too big): it goes to the dead letters. */
public class PoisonRecordException extends RuntimeException {
    public PoisonRecordException(String message) {
        super(message);
    }

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
