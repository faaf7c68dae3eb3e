package org.liudong.planview.config;

/** A setting is missing or malformed; the message names the setting so the operator can fix it. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String setting, String problem) {
        super("configuration " + setting + ": " + problem);
    }
}
