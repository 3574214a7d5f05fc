package io.sitkit.kafka.embedded;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka's server gauges (Yammer registry, JMX) once embedded brokers stop. In a child JVM: the
 * registry is JVM-wide, and this module's test JVM keeps a shared environment running.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerMetricsIT {

    @Test
    void stopped_brokers_leave_only_kafkas_static_gauges_and_a_restarted_one_reports_its_new_log() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Probe.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        child.getOutputStream().close();
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
        }
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(out).isEqualTo(String.join(System.lineSeparator(),
                "before any broker: 0 kafka gauges",
                "one broker, topic probe: log end offset 1",
                "after restart and a second record: log end offset 2",
                "second broker closed, first running: log gauge of probe registered true",
                "both closed: kafka gauges left [kafka.log:type=LogFlushStats,name=LogFlushRateAndTimeMs,"
                        + " kafka.server:type=DelayedProduceMetrics,name=ExpiresPerSec]"));
        assertThat(child.exitValue()).isZero();
    }

    /** The child: prints what JMX shows at each step. */
    public static final class Probe {
        private static final MBeanServer JMX = ManagementFactory.getPlatformMBeanServer();

        public static void main(String[] args) throws Exception {
            System.out.println("before any broker: " + kafkaGauges() + " kafka gauges");
            try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
                produce(kafka, "probe");
                System.out.println("one broker, topic probe: log end offset " + logEndOffset("probe"));
                kafka.restart();
                produce(kafka, "probe");
                System.out.println("after restart and a second record: log end offset " + logEndOffset("probe"));
                try (EmbeddedKafkaBroker other = EmbeddedKafkaBroker.start(EmbeddedKafkaConfig.defaults())) {
                    produce(other, "other");
                }
                System.out.println("second broker closed, first running: log gauge of probe registered "
                        + JMX.isRegistered(logEndOffsetName("probe")));
            }
            System.out.println("both closed: kafka gauges left " + new java.util.TreeSet<>(JMX.queryNames(null, null).stream()
                    .filter(n -> n.getDomain().startsWith("kafka.")).map(ObjectName::toString).toList()));
        }

        /** MBeans of Kafka's Yammer gauges: {@code kafka.log}, {@code kafka.cluster}, {@code kafka.server}, … domains. */
        private static int kafkaGauges() throws Exception {
            return (int) JMX.queryNames(null, null).stream().filter(n -> n.getDomain().startsWith("kafka.")).count();
        }

        private static ObjectName logEndOffsetName(String topic) throws Exception {
            return new ObjectName("kafka.log:type=Log,name=LogEndOffset,topic=" + topic + ",partition=0");
        }

        private static Object logEndOffset(String topic) throws Exception {
            return JMX.getAttribute(logEndOffsetName(topic), "Value");
        }

        private static void produce(EmbeddedKafkaBroker kafka, String topic) throws IOException {
            Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IOException("could not produce to " + topic + " at " + kafka.bootstrapServers() + ": " + e, e);
            }
        }
    }
}
