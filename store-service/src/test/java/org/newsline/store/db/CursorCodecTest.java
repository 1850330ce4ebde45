package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CursorCodecTest {

    @Test
    void roundTrips() {
        Instant at = Instant.parse("2026-03-01T12:00:00.123456Z");
        String cursor = CursorCodec.encode(CursorCodec.STATEMENTS, at, "abc", "7", "def");
        CursorCodec.Cursor back = CursorCodec.decode(CursorCodec.STATEMENTS, cursor);
        assertThat(back.at()).isEqualTo(at);
        assertThat(back.keys()).containsExactly("abc", "7", "def");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void refusesForeignOrBrokenCursors() {
        String articles = CursorCodec.encode(CursorCodec.ARTICLES, Instant.EPOCH, "abc");
        assertThatThrownBy(() -> CursorCodec.decode(CursorCodec.RAW, articles))
                .isInstanceOf(InvalidCursorException.class);
        for (String bad : new String[] {"", "%%%", "x".repeat(2000), b64("a\u001fnot-a-time\u001fabc"),
                b64("s\u001f2026-03-01T00:00:00Z\u001fa\u001fseven\u001fb"), b64("a\u001f2026-03-01T00:00:00Z")}) {
            assertThatThrownBy(() -> CursorCodec.decode(bad.startsWith(b64("s")) ? CursorCodec.STATEMENTS
                    : CursorCodec.ARTICLES, bad)).as(bad).isInstanceOf(InvalidCursorException.class);
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes());
    }
}
