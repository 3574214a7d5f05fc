package io.sitkit.kafka;

import io.sitkit.core.Destination;
import io.sitkit.core.InvalidDestinationException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A capture may start before the system under test first writes to its topic. When the topic is
 * missing and the broker would auto-create it on first produce anyway, sitkit creates it now with
 * the broker's defaults, so the capture can be listening from offset 0; otherwise it fails clearly.
 * Creating it is a write: refused while the environment is protected and locked, and audited
 * ({@code "create topic"}).
 */
final class MissingTopics {
    private static final int METADATA_ATTEMPTS = 20;

    private MissingTopics() {
    }

    static List<PartitionInfo> partitionsFor(KafkaConsumer<byte[], byte[]> consumer, Destination d, KafkaSettings settings,
                                             io.sitkit.core.Protection protection, long deadline) {
        List<PartitionInfo> infos = consumer.partitionsFor(d.name(), KafkaCapture.left(deadline));
        if (infos != null && !infos.isEmpty()) {
            return infos;
        }
        try (Admin admin = Admin.create(KafkaClients.admin(settings))) {
            long timeout = KafkaCapture.left(deadline).toMillis();
            String controller = admin.describeCluster().nodes().get(timeout, TimeUnit.MILLISECONDS)
                    .iterator().next().idString();
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, controller);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(broker)).all().get(timeout, TimeUnit.MILLISECONDS);
            ConfigEntry auto = configs.get(broker).get("auto.create.topics.enable");
            if (auto == null || !Boolean.parseBoolean(auto.value())) {
                throw new InvalidDestinationException("cannot capture " + d + ": the topic does not exist on Kafka at "
                        + settings.bootstrapServers() + " and the broker does not auto-create topics; create it first "
                        + "(bus.kafka().createTopic) or check the name");
            }
            protection.checkWrite("create topic", d);
            try {
                admin.createTopics(List.of(new NewTopic(d.name(), Optional.empty(), Optional.empty())))
                        .all().get(timeout, TimeUnit.MILLISECONDS);
                protection.wrote("create topic", d);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        } catch (InvalidDestinationException | io.sitkit.core.ProtectedEnvironmentException e) {
            throw e;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw KafkaErrors.translate(e, "creating missing topic " + d + " for a capture", settings, 0);
        }
        // Creation is acknowledged by the controller before every broker has the new metadata; each call
        // below is a metadata round trip (not a pause), repeated until the partitions show or the bound passes.
        int attempts = 0;
        do {
            infos = consumer.partitionsFor(d.name(), KafkaCapture.left(deadline));
            if (infos != null && !infos.isEmpty()) {
                return infos;
            }
        } while (++attempts < METADATA_ATTEMPTS || System.nanoTime() < deadline);
        throw new InvalidDestinationException("cannot capture " + d + ": the topic was created but its partitions are "
                + "not visible on Kafka at " + settings.bootstrapServers());
    }
}
