package org.newsline.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a raw page's body from UTF-8 bytes handed to the writer as an attribute: the generator escapes them
 * for JSON and copies the rest, exactly the bytes it would write for the same text as a {@code String}.
 */
final class Utf8Body extends StdSerializer<String> {

    /** The writer attribute holding the body's UTF-8 bytes. */
    static final String BYTES = "newsline.rawPage.utf8Body";

    Utf8Body() {
        super(String.class);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        Object bytes = provider.getAttribute(BYTES);
        if (bytes instanceof byte[] b) {
            gen.writeUTF8String(b, 0, b.length);
        } else {
            gen.writeString(value);
        }
    }

    /** Puts {@link Utf8Body} on {@link RawPage#body()}. */
    abstract static class MixIn {
        @JsonSerialize(using = Utf8Body.class)
        abstract String body();
    }
}
