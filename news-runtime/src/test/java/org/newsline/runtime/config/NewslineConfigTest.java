package org.newsline.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewslineConfigTest {

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        NewslineConfig c = NewslineConfig.load(Map.of(), null, Map.of(), new Properties());
        assertThat(c.string(Settings.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
        assertThat(c.integer(Settings.TOPIC_PARTITIONS)).isEqualTo(6);
        assertThat(c.size(Settings.FETCH_MAX_BODY)).isEqualTo(10L * 1024 * 1024);
        assertThat(c.duration(Settings.POLL_MIN_INTERVAL)).isEqualTo(Duration.ofMinutes(5));
        assertThat(c.dbUrl()).startsWith("jdbc:sqlite:").endsWith("newsline.db");
    }

    @Test
    void optionsBeatSystemPropertiesBeatEnvironmentBeatFile() throws Exception {
        Path file = dir.resolve("newsline.properties");
        Files.writeString(file, "http.port=1111\ntopic.prefix=file.\nbatch.size=7\ndata.dir=from-file\n");
        Properties sys = new Properties();
        sys.setProperty("newsline.topic.prefix", "sys.");
        sys.setProperty("newsline.batch.size", "8");
        Map<String, String> env = Map.of("NEWSLINE_HTTP_PORT", "2222", "NEWSLINE_TOPIC_PREFIX", "env.",
                "PATH", "/usr/bin");
        NewslineConfig c = NewslineConfig.load(Map.of("batch.size", "9"), file, env, sys);
        assertThat(c.integer(Settings.HTTP_PORT)).isEqualTo(2222);
        assertThat(c.topicPrefix()).isEqualTo("sys.");
        assertThat(c.integer(Settings.BATCH_SIZE)).isEqualTo(9);
        assertThat(c.string(Settings.DATA_DIR)).isEqualTo("from-file");
    }

    @Test
    void badValuesFailAtOnceNamingTheKey() {
        assertThatThrownBy(() -> NewslineConfig.of(Map.of("http.port", "eighty")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("http.port");
        assertThatThrownBy(() -> NewslineConfig.of(Map.of("fetch.host.delay", "soon")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("fetch.host.delay");
        assertThatThrownBy(() -> NewslineConfig.of(Map.of("fetch.allow.private.addresses", "maybe")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("fetch.allow.private.addresses");
    }

    @Test
    void kafkaKeysPassThroughFromEveryKindOfSource() {
        NewslineConfig c = NewslineConfig.load(Map.of("kafka.linger.ms", "20"), null,
                Map.of("NEWSLINE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"), new Properties());
        assertThat(c.kafkaPassThrough()).containsEntry("linger.ms", "20").containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void unknownKeysAreReportedNotSilentlyUsed() {
        NewslineConfig c = NewslineConfig.of(Map.of("bootstrap.server", "typo:9092"));
        assertThat(c.unknownKeys()).singleElement().asString().startsWith("bootstrap.server");
        assertThat(c.string(Settings.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    }

    @Test
    void secretsAreMaskedInTheDescription() {
        NewslineConfig c = NewslineConfig.of(Map.of("db.password", "hunter2", "api.token", "t0ken",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required password=\"x\";"));
        assertThat(c.describe()).noneMatch(r -> r.value() != null
                && (r.value().contains("hunter2") || r.value().contains("t0ken") || r.value().contains("PlainLoginModule")));
        assertThat(c.describe()).filteredOn(r -> r.key().equals("db.password")).singleElement()
                .extracting(NewslineConfig.Row::value).isEqualTo("********");
    }

    @Test
    void passwordsInsideUrlsAreMaskedToo() {
        NewslineConfig c = NewslineConfig.of(Map.of("db.url",
                "jdbc:postgresql://db:5432/newsline?user=newsline&password=s3cret&ssl=true"));
        String shown = c.describe().stream().filter(r -> r.key().equals("db.url")).findFirst().orElseThrow().value();
        assertThat(shown).doesNotContain("s3cret").contains("password=********").contains("ssl=true");
        assertThat(c.dbUrl()).contains("s3cret");
    }

    @Test
    void durationsAndSizesReadAsPeopleWriteThem() {
        assertThat(Setting.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Setting.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(Setting.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(Setting.parseDuration("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThat(Setting.parseSize("10m")).isEqualTo(10L * 1024 * 1024);
        assertThat(Setting.parseSize("512KiB")).isEqualTo(512L * 1024);
    }
}
