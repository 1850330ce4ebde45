package org.newsline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.newsline.runtime.config.Setting;
import org.newsline.runtime.config.Settings;

/** The README's configuration table is the one `newsctl config --markdown` prints: no key left out or stale. */
class ReadmeConfigTableTest {

    @Test
    void everySettingIsDocumentedWithItsDefault() throws Exception {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root").isNotNull();
        String readme = Files.readString(dir.resolve("README.md"), StandardCharsets.UTF_8);
        for (Setting s : Settings.all()) {
            assertThat(readme).contains("| `" + s.key() + "` | `" + s.envName() + "` | `" + s.defaultValue() + "` |");
        }
    }
}
