package org.newsline.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetDetectorTest {

    @Test
    void toUtf8KeepsUtf8BytesAndDecodesTheRest() {
        byte[] utf8 = "<p>café 😀</p>".getBytes(StandardCharsets.UTF_8);
        assertThat(CharsetDetector.toUtf8(utf8, StandardCharsets.UTF_8)).isSameAs(utf8);

        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertThat(CharsetDetector.toUtf8(bom, StandardCharsets.UTF_8)).isEqualTo(utf8);

        byte[] latin = "<p>café</p>".getBytes(CharsetDetector.WINDOWS_1252);
        assertThat(new String(CharsetDetector.toUtf8(latin, CharsetDetector.WINDOWS_1252), StandardCharsets.UTF_8))
                .isEqualTo("<p>café</p>");

        // every case gives the bytes of decode(), damaged UTF-8 included
        for (byte[] body : new byte[][] {utf8, bom, latin, {'a', (byte) 0xC3, 'b', (byte) 0xFF}}) {
            assertThat(CharsetDetector.toUtf8(body, StandardCharsets.UTF_8))
                    .isEqualTo(CharsetDetector.decode(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
        }
    }
}
