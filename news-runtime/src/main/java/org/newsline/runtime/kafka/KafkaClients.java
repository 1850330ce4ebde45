package org.newsline.runtime.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsline.runtime.config.NewslineConfig;
import org.newsline.runtime.config.Settings;

/**
 * Builds the Kafka clients of every service from the configuration: keys are strings (ids), values JSON
 * bytes; consumers read committed records only and never auto-commit; producers are idempotent with
 * {@code acks=all}. Any {@code kafka.*} key overrides these defaults.
 */
public final class KafkaClients {

    private final NewslineConfig config;

    public KafkaClients(NewslineConfig config) {
        this.config = config;
    }

    public NewslineConfig config() {
        return config;
    }

    public String bootstrapServers() {
        return config.string(Settings.BOOTSTRAP_SERVERS);
    }

    private Properties common() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        return p;
    }

    public Properties producerProperties(String transactionalId) {
        Properties p = common();
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, "5");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(config.size(Settings.TOPIC_MAX_MESSAGE)));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
        if (transactionalId != null) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        }
        passThrough(p);
        return p;
    }

    public Properties consumerProperties(String groupId) {
        Properties p = common();
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.integer(Settings.BATCH_SIZE)));
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(64 * 1024 * 1024));
        if (groupId != null) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        passThrough(p);
        return p;
    }

    public Properties adminProperties() {
        Properties p = common();
        passThrough(p);
        return p;
    }

    public KafkaProducer<String, byte[]> producer(String transactionalId) {
        return new KafkaProducer<>(producerProperties(transactionalId));
    }

    public KafkaConsumer<String, byte[]> consumer(String groupId) {
        return new KafkaConsumer<>(consumerProperties(groupId));
    }

    public Admin admin() {
        return Admin.create(adminProperties());
    }

    private void passThrough(Properties p) {
        for (Map.Entry<String, String> e : config.kafkaPassThrough().entrySet()) {
            p.put(e.getKey(), e.getValue());
        }
    }
}
