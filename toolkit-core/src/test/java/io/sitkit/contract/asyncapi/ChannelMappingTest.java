package io.sitkit.contract.asyncapi;

import io.sitkit.contract.Contract;
import io.sitkit.core.Destination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How channels become destinations: bindings first, then the servers' protocols. */
class ChannelMappingTest {
    @TempDir
    Path dir;

    private AsyncApiImport v3(String servers, String channels) {
        return AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Mapping, version: 1.0.0}
                servers:
                %s
                channels:
                %s
                """.formatted(servers.indent(2).stripTrailing(), channels.indent(2).stripTrailing()), dir);
    }

    private AsyncApiImport v2(String servers, String channels) {
        return AsyncApi.parse("""
                asyncapi: 2.6.0
                info: {title: Mapping, version: 1.0.0}
                servers:
                %s
                channels:
                %s
                """.formatted(servers.indent(2).stripTrailing(), channels.indent(2).stripTrailing()), dir);
    }

    private static final String KAFKA_AND_JMS = """
            kafka: {host: 'k:9092', protocol: kafka}
            broker: {host: 'b:61616', protocol: jms}""";

    private static Destination only(AsyncApiImport result) {
        assertThat(result.contracts()).hasSize(1);
        return result.contracts().get(0).destination();
    }

    @Test
    void aKafkaBindingWithoutTopicUsesTheAddress() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                orders:
                  address: shop.orders
                  bindings: {kafka: {partitions: 3}}
                  messages: {placed: {payload: {type: object}}}""");

        assertThat(only(result)).isEqualTo(Destination.kafka("shop.orders"));
    }

    @Test
    void aKafkaBindingTopicWinsOverTheAddress() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                orders:
                  address: orders
                  bindings: {kafka: {topic: shop.orders.v2}}
                  messages: {placed: {payload: {type: object}}}""");

        assertThat(only(result)).isEqualTo(Destination.kafka("shop.orders.v2"));
    }

    @Test
    void aJmsBindingWithoutDestinationUsesTheChannelNameAsAQueue() {
        AsyncApiImport result = v2(KAFKA_AND_JMS, """
                SHOP.PAYMENTS:
                  bindings: {jms: {bindingVersion: 0.0.1}}
                  subscribe: {message: {payload: {type: object}}}""");

        assertThat(only(result)).isEqualTo(Destination.jmsQueue("SHOP.PAYMENTS"));
    }

    @Test
    void jmsDestinationTypesMapToQueuesAndTopics() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                a: {address: A, bindings: {jms: {destinationType: queue}}, messages: {m: {payload: {}}}}
                b: {address: B, bindings: {jms: {destinationType: fifo-queue}}, messages: {m: {payload: {}}}}
                c: {address: C, bindings: {jms: {destinationType: topic}}, messages: {m: {payload: {}}}}""");

        assertThat(result.contracts()).extracting(Contract::destination).containsExactly(
                Destination.jmsQueue("A"), Destination.jmsQueue("B"), Destination.jmsTopic("C"));
    }

    @Test
    void anUnknownJmsDestinationTypeSkipsTheChannel() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                a: {address: A, bindings: {jms: {destinationType: exchange}}, messages: {m: {payload: {}}}}""");

        assertThat(result.contracts()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/a/bindings/jms/destinationType: channel skipped: "
                        + "jms destinationType 'exchange' is not queue, fifo-queue or topic");
    }

    @Test
    void withoutBindingTheChannelsOwnServersDecide() {
        AsyncApiImport result = v3(KAFKA_AND_JMS + "\nsecure: {host: 'k:9093', protocol: kafka-secure}", """
                orders:
                  address: orders
                  servers: [{$ref: '#/servers/kafka'}, {$ref: '#/servers/secure'}]
                  messages: {placed: {payload: {}}}
                payments:
                  address: PAYMENTS
                  servers: [{$ref: '#/servers/broker'}]
                  messages: {requested: {payload: {}}}""");

        assertThat(result.contracts()).extracting(Contract::destination)
                .containsExactly(Destination.kafka("orders"), Destination.jmsQueue("PAYMENTS"));
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void withoutBindingAnd2xChannelServersTheNamedServersDecide() {
        AsyncApiImport result = v2("""
                kafka: {url: 'k:9092', protocol: kafka}
                broker: {url: 'b:61616', protocol: jms}""", """
                orders:
                  servers: [kafka]
                  subscribe: {message: {payload: {}}}""");

        assertThat(only(result)).isEqualTo(Destination.kafka("orders"));
    }

    @Test
    void withoutBindingASingleProtocolDocumentDecidesForAllChannels() {
        AsyncApiImport result = v2("broker: {url: 'b:61616', protocol: jms}", """
                ORDERS:
                  publish: {message: {payload: {}}}""");

        assertThat(only(result)).isEqualTo(Destination.jmsQueue("ORDERS"));
    }

    @Test
    void anUndeclaredServerNameIsIgnoredWithAWarning() {
        AsyncApiImport result = v2("kafka: {url: 'k:9092', protocol: kafka}", """
                orders:
                  servers: [kafka, kafak]
                  publish: {message: {payload: {}}}""");

        assertThat(only(result)).isEqualTo(Destination.kafka("orders"));
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders/servers/1: server 'kafak' ignored: "
                        + "it is not declared under servers");
    }

    @Test
    void aChannelOnAnotherProtocolIsSkippedWithAWarning() {
        AsyncApiImport result = v3("rabbit: {host: 'r:5672', protocol: amqp}", """
                orders: {address: orders, messages: {placed: {payload: {}}}}""");

        assertThat(result.contracts()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders: channel skipped: it has no kafka or jms binding and "
                        + "its servers' protocols (amqp) are neither Kafka nor JMS");
    }

    @Test
    void aChannelWithoutBindingInADocumentWithoutServersIsSkipped() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Mapping, version: 1.0.0}
                channels:
                  orders: {address: orders, messages: {placed: {payload: {}}}}
                """, dir);

        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders: channel skipped: it has no kafka or jms binding and "
                        + "the document declares no servers");
    }

    @Test
    void bothBindingsOnOneChannelAreSettledByItsServers() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                orders:
                  address: orders
                  servers: [{$ref: '#/servers/broker'}]
                  bindings: {kafka: {topic: orders.v1}, jms: {destination: ORDERS, destinationType: topic}}
                  messages: {placed: {payload: {}}}""");

        assertThat(only(result)).isEqualTo(Destination.jmsTopic("ORDERS"));
    }

    @Test
    void anAddressWithParametersIsSkippedWithTheFix() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                orders:
                  address: 'orders.{region}'
                  bindings: {kafka: {partitions: 3}}
                  messages: {placed: {payload: {}}}""");

        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/orders: channel skipped: the address 'orders.{region}' has "
                        + "parameters; sitkit needs a concrete name: set a kafka binding 'topic'");
    }

    @Test
    void aChannelWithoutAddressNeedsABindingName() {
        AsyncApiImport result = v3(KAFKA_AND_JMS, """
                replies:
                  address: null
                  bindings: {jms: {destinationType: queue}}
                  messages: {reply: {payload: {}}}
                named:
                  address: null
                  bindings: {jms: {destination: SHOP.REPLIES}}
                  messages: {reply: {payload: {}}}""");

        assertThat(result.contracts()).extracting(Contract::destination)
                .containsExactly(Destination.jmsQueue("SHOP.REPLIES"));
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/replies: channel skipped: it has no address; "
                        + "give it one or a jms binding 'destination'");
    }

    @Test
    void anIllegalKafkaTopicNameIsSkippedWithTheReason() {
        AsyncApiImport result = v2(KAFKA_AND_JMS, """
                shop/orders:
                  bindings: {kafka: {}}
                  subscribe: {message: {payload: {}}}""");

        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/channels/shop~1orders: channel skipped: Kafka topic 'shop/orders' has the "
                        + "illegal character '/' at index 4; topics may use only ASCII letters, digits, '.', '_' and '-'");
    }

    @Test
    void channelBindingsMayBeReferences() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Mapping, version: 1.0.0}
                channels:
                  orders:
                    address: orders
                    bindings: {$ref: '#/components/channelBindings/OrdersTopic'}
                    messages: {placed: {payload: {}}}
                components:
                  channelBindings:
                    OrdersTopic: {kafka: {topic: shop.orders.v3}}
                """, dir);

        assertThat(only(result)).isEqualTo(Destination.kafka("shop.orders.v3"));
    }
}
