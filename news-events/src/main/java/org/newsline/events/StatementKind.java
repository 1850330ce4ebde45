package org.newsline.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a statement is reported: wholly quoted, paraphrased, or a paraphrase with quoted words. */
public enum StatementKind {
    DIRECT, INDIRECT, MIXED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StatementKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
