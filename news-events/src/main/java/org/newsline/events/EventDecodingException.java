package org.newsline.events;

/** A topic value that is not a valid event of the expected type: the reason goes to the dead-letter topic. */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
