package io.fssdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * {@code fssdk run} against a real Kafka broker started in this JVM in KRaft mode (spring-kafka-test's
 * {@code EmbeddedKafkaKraftBroker}, which runs Kafka's own {@code KafkaClusterTestKit}). Each test uses
 * its own topics and consumer group, so they share one broker.
 */
class KafkaRunTest {
    private static EmbeddedKafkaKraftBroker broker;
    private static String servers;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperty("offsets.topic.num.partitions", "1");
        broker.brokerProperty("transaction.state.log.num.partitions", "1");
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        servers = broker.getBrokersAsString();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void runsTheCounterFromItsConfigAndTheCountsContinueAfterARestart() throws IOException {
        Path config = config("count", "in-count", "out-count", "count-group");
        Path state = tmp.resolve("state");
        produce("in-count", "hello", "world", "hello");
        Cli.Result first = runUntilIdle(config, Cli.COUNTER_WASM, "--state-dir", state.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(List.of(
                "{\"total_processed\":1,\"counter_map\":{\"hello\":1}}",
                "{\"total_processed\":2,\"counter_map\":{\"hello\":1,\"world\":1}}",
                "{\"total_processed\":3,\"counter_map\":{\"hello\":2,\"world\":1}}"), values(consume("out-count", 3)));
        assertEquals(3, committed("count-group", "in-count"));

        // The second run starts at the committed offset (the three records are not read again) and on the
        // state the first one left: hello's count goes on from 2, and so do the counter's own totals, which it
        // saves at each checkpoint (exactly-once state) and loads at init.
        produce("in-count", "hello");
        Cli.Result second = runUntilIdle(config, Cli.COUNTER_WASM, "--state-dir", state.toString());
        assertEquals(0, second.exitCode(), second.err());
        List<String> all = values(consume("out-count", 4));
        assertEquals("{\"total_processed\":4,\"counter_map\":{\"hello\":3,\"world\":1}}", all.get(3));
        assertEquals(4, committed("count-group", "in-count"));
    }

    @Test
    void aPoisonRecordFailsTheRunAndOnlyTheRecordsBeforeItAreCommitted() throws IOException {
        Path config = config("poison", "in-poison", "out-poison", "poison-group");
        produce("in-poison", "x", "trap", "y");
        Cli.Result fail = runUntilIdle(config, Cli.MISBEHAVE_WASM, "--state-dir", tmp.resolve("s").toString());
        assertEquals(ExitCodes.RUN_FAILED, fail.exitCode());
        assertEquals(1, fail.err().lines().count(), fail.err());
        assertTrue(fail.err().startsWith("fssdk: record 1 of in-poison-0 (source 0) failed: "), fail.err());
        assertEquals(List.of("x=1"), values(consume("out-poison", 1)));
        assertEquals(1, committed("poison-group", "in-poison"));

        // Skipping it, a second run goes on from the poison record: x is not read again.
        Cli.Result skip = runUntilIdle(config, Cli.MISBEHAVE_WASM, "--state-dir", tmp.resolve("s").toString(),
                "--on-error", "skip");
        assertEquals(0, skip.exitCode(), skip.err());
        assertEquals(List.of("x=1", "y=1"), values(consume("out-poison", 2)));
        assertEquals(3, committed("poison-group", "in-poison"));
    }

    @Test
    void deadLettersGoToATopicWithTheirStoryInHeadersAndTheMetricsCountEverything() throws Exception {
        Path config = config("dead", "in-dead", "out-dead", "dead-group");
        produce("in-dead", "a", "trap", "b", "a");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "--config",
                config.toString(), "--wasm", Cli.MISBEHAVE_WASM.toString(), "--state-dir", tmp.resolve("s").toString(),
                "--on-error", "dead-letter", "--dead-letter", "kafka://" + servers + "/dead-letters",
                "--metrics-port", Integer.toString(port), "--exit-when-idle", "4s", "--checkpoint-interval", "200ms"));
        assertEquals(List.of("a=1", "b=1", "a=2"), values(consume("out-dead", 3)));

        // Scrape while the run is still up, over loopback with a real HTTP client.
        String metrics = scrape(port);
        assertTrue(metrics.contains("fssdk_records_in_total{operator=\"dead\",source=\"0\"} 4.0"), metrics);
        assertTrue(metrics.contains("fssdk_records_out_total{operator=\"dead\",target=\"0\"} 3.0"), metrics);
        assertTrue(metrics.contains("fssdk_errors_total{cause=\"operator_failed\",operator=\"dead\",policy=\"dead-letter\"} 1.0"),
                metrics);
        assertTrue(metrics.contains("fssdk_dead_letters_total{operator=\"dead\"} 1.0"), metrics);
        assertTrue(metrics.contains("fssdk_guest_traps_total{cause=\"trap\",operator=\"dead\"} 1.0"), metrics);
        assertTrue(metrics.contains("fssdk_guest_restarts_total{cause=\"trap\",operator=\"dead\"} 1.0"), metrics);
        assertTrue(metrics.contains("fssdk_process_seconds_count{operator=\"dead\"} 4"), metrics);
        assertTrue(metrics.contains("fssdk_process_seconds{operator=\"dead\",quantile=\"0.99\"}"), metrics);
        assertTrue(metrics.contains("fssdk_guest_memory_pages{operator=\"dead\"}"), metrics);
        assertTrue(metrics.contains("fssdk_state_bytes{operator=\"dead\"}"), metrics);

        Cli.Result r = run.get();
        assertEquals(0, r.exitCode(), r.err());
        ConsumerRecord<byte[], byte[]> letter = consume("dead-letters", 1).get(0);
        assertEquals("trap", new String(letter.value(), StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        for (Header h : letter.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        assertEquals("dead", headers.get("fssdk.operator"));
        assertEquals("fs-process", headers.get("fssdk.export"));
        assertEquals("0", headers.get("fssdk.source-id"));
        assertEquals("in-dead-0", headers.get("fssdk.origin"));
        assertEquals("1", headers.get("fssdk.offset"));
        assertTrue(headers.get("fssdk.error").contains("fs-process"), headers.get("fssdk.error"));
        assertTrue(headers.containsKey("fssdk.timestamp"));
        assertEquals(4, committed("dead-group", "in-dead"));
    }

    @Test
    void inputsOfSeveralGroupsAreNumberedInFileOrderAndOneWithoutAPartitionJoinsItsGroup() throws Exception {
        Path config = Files.writeString(tmp.resolve("multi.yaml"), """
                name: multi
                type: processor
                input-groups:
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "%1$s"
                        topic: in-multi-a
                        partition: 0
                        group_id: multi-a
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "%1$s"
                        topic: in-multi-b
                        group_id: multi-b
                outputs:
                  - output-type: kafka
                    bootstrap_servers: "%1$s"
                    topic: out-multi
                    partition: 0
                """.formatted(servers));
        produce("in-multi-a", "a1", "a2");
        produce("in-multi-b", "b1");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int metricsPort = port;
        CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("run", "--config",
                config.toString(), "--wasm", Cli.MISBEHAVE_WASM.toString(), "--state-dir", tmp.resolve("s").toString(),
                "--metrics-port", Integer.toString(metricsPort), "--exit-when-idle", "4s",
                "--checkpoint-interval", "200ms"));
        List<String> out = values(consume("out-multi", 3));
        assertEquals(List.of("a1=1", "a2=1", "b1=1"), out.stream().sorted().toList());
        String metrics = scrape(metricsPort);
        assertTrue(metrics.contains("fssdk_records_in_total{operator=\"multi\",source=\"0\"} 2.0"), metrics);
        assertTrue(metrics.contains("fssdk_records_in_total{operator=\"multi\",source=\"1\"} 1.0"), metrics);
        Cli.Result r = run.get();
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(2, committed("multi-a", "in-multi-a"));
        assertEquals(1, committed("multi-b", "in-multi-b"));
    }

    @Test
    void exactlyOnceCommitsOutputsAndOffsetsInOneTransaction() throws IOException {
        Path config = config("once", "in-once", "out-once", "once-group");
        produce("in-once", "p", "q", "p");
        Cli.Result r = runUntilIdle(config, Cli.COUNTER_WASM, "--state-dir", tmp.resolve("s").toString(),
                "--exactly-once");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of(
                "{\"total_processed\":1,\"counter_map\":{\"p\":1}}",
                "{\"total_processed\":2,\"counter_map\":{\"p\":1,\"q\":1}}",
                "{\"total_processed\":3,\"counter_map\":{\"p\":2,\"q\":1}}"), values(consume("out-once", 3)));
        assertEquals(3, committed("once-group", "in-once"));

        // State written after the last committed transaction (here by a run on stdin, standing for a
        // transaction a crash aborted) is rolled back: the next exactly-once run restores the checkpoint
        // whose positions were committed, so p continues from 2, not from 4.
        Cli.Result aside = Cli.withStdin("p\np\n", "run", "--config", config.toString(), "--wasm",
                Cli.COUNTER_WASM.toString(), "--state-dir", tmp.resolve("s").toString(), "--input", "-", "--output", "-");
        assertEquals("{\"total_processed\":5,\"counter_map\":{\"p\":4,\"q\":1}}", aside.out().lines().toList().get(1));
        produce("in-once", "p");
        Cli.Result again = runUntilIdle(config, Cli.COUNTER_WASM, "--state-dir", tmp.resolve("s").toString(),
                "--exactly-once");
        assertEquals(0, again.exitCode(), again.err());
        List<String> all = values(consume("out-once", 4));
        assertEquals(4, all.size(), all.toString());
        assertEquals("{\"total_processed\":4,\"counter_map\":{\"p\":3,\"q\":1}}", all.get(3));
        assertEquals(4, committed("once-group", "in-once"));
    }

    private Path config(String name, String in, String out, String group) throws IOException {
        return Files.writeString(tmp.resolve(name + ".yaml"), """
                name: %s
                type: processor
                init_config:
                  key_prefix: "k-"
                input-groups:
                  - inputs:
                      - input-type: kafka
                        bootstrap_servers: "%s"
                        topic: %s
                        partition: 0
                        group_id: %s
                outputs:
                  - output-type: kafka
                    bootstrap_servers: "%s"
                    topic: %s
                    partition: 0
                """.formatted(name, servers, in, group, servers, out));
    }

    private static Cli.Result runUntilIdle(Path config, Path wasm, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--wasm", wasm.toString(),
                "--exit-when-idle", "2s", "--checkpoint-interval", "200ms"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** GET /metrics over loopback with the JDK's HTTP client (java.base's, so the module needs nothing more). */
    private static String scrape(int port) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/metrics").toURL()
                .openConnection();
        try (InputStream in = c.getInputStream()) {
            assertEquals(200, c.getResponseCode());
            assertTrue(c.getContentType().startsWith("text/plain"), c.getContentType());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    private static void produce(String topic, String... values) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, 0, null, v));
            }
            producer.flush();
        }
    }

    /** Reads the topic from its start (committed records only) until {@code n} records came, 30 s at most. */
    private static List<ConsumerRecord<byte[], byte[]>> consume(String topic, int n) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition tp = new TopicPartition(topic, 0);
            c.assign(List.of(tp));
            c.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (out.size() < n && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            // A little longer, to see that nothing more than expected is there.
            c.poll(Duration.ofMillis(300)).forEach(out::add);
        }
        return out;
    }

    private static List<String> values(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }

    private static long committed(String group, String topic) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(p)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata o = offsets.get(new TopicPartition(topic, 0));
            return o != null ? o.offset() : -1;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
