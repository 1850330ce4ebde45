package org.newsline.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a command connects to Kafka, the client's "could not connect to node" warnings repeat several times a
 * second; the command reports an unreachable broker itself, in one line. This lowers them to errors until
 * closed, so they come back once connected (a broker lost while following is still logged).
 */
final class QuietConnectWarnings implements AutoCloseable {

    private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

    private final Logger logger;
    private final Level before;

    QuietConnectWarnings() {
        // only with logback (what newsctl ships); any other binding is left alone
        logger = LoggerFactory.getLogger(NETWORK_CLIENT) instanceof Logger l ? l : null;
        before = logger == null ? null : logger.getLevel();
        if (logger != null) {
            logger.setLevel(Level.ERROR);
        }
    }

    @Override
    public void close() {
        if (logger != null) {
            logger.setLevel(before);
        }
    }
}
