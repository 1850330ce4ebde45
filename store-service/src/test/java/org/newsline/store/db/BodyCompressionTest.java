package org.newsline.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class BodyCompressionTest {

    static final byte[] BODY = ("<html><p>Ünïcödé 🙂</p>" + "news ".repeat(20_000) + "</html>")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void writesZstdAndReadsItBack() {
        byte[] packed = BodyCompression.compress(BODY);
        assertThat(packed.length).isLessThan(BODY.length / 20);
        assertThat(packed[0] & 0xff).isEqualTo(0x28); // the zstd frame magic, little-endian FD2FB528
        assertThat(BodyCompression.decompress(packed)).isEqualTo(BODY);
        assertThat(BodyCompression.decompress(BodyCompression.compress(new byte[0]))).isEmpty();
    }

    @Test
    void readsTheGzipOfRowsArchivedBefore() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(BODY);
        }
        assertThat(BodyCompression.decompress(out.toByteArray())).isEqualTo(BODY);
    }

    @Test
    void refusesWhatIsNeitherOrDamaged() {
        assertThatThrownBy(() -> BodyCompression.decompress("<html>".getBytes()))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("neither zstd nor gzip");
        byte[] packed = BodyCompression.compress(BODY);
        byte[] cut = Arrays.copyOf(packed, packed.length / 2);
        assertThatThrownBy(() -> BodyCompression.decompress(cut))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("damaged");
    }
}
