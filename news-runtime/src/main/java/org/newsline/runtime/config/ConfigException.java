package org.newsline.runtime.config;

/** A configuration value that is missing or invalid; the message names the key. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
