package io.sitkit.contract.asyncapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** How AsyncAPI 3 operations become integration points. */
class OperationMappingTest {
    @TempDir
    Path dir;

    private static final String CHANNELS = """
            channels:
              orders:
                address: orders
                bindings: {kafka: {}}
                messages:
                  placed: {payload: {type: object}}
                  cancelled: {payload: {type: object}}
              refunds:
                address: REFUNDS
                bindings: {jms: {}}
                messages:
                  refunded: {payload: {type: object}}
              rabbit:
                address: rabbit
                messages:
                  hop: {payload: {}}
            """;

    private AsyncApiImport withOperations(String operationsYaml) {
        return AsyncApi.parse("asyncapi: 3.0.0\ninfo: {title: Ops, version: 1.0.0}\n"
                + "servers: {mq: {host: 'r:5672', protocol: amqp}}\n" + CHANNELS
                + "operations:\n" + operationsYaml.indent(2), dir);
    }

    private static final String RABBIT_WARNING = "inline AsyncAPI document#/channels/rabbit: channel skipped: it has "
            + "no kafka or jms binding and its servers' protocols (amqp) are neither Kafka nor JMS";

    @Test
    void anOperationWithoutMessagesCoversEveryMessageOfItsChannel() {
        AsyncApiImport result = withOperations("onOrder: {action: receive, channel: {$ref: '#/channels/orders'}}");

        assertThat(result.inventory().points()).extracting(IntegrationPoint::describe).containsExactly(
                "RECEIVE placed from kafka:orders (onOrder, JSON_SCHEMA)",
                "RECEIVE cancelled from kafka:orders (onOrder, JSON_SCHEMA)");
    }

    @Test
    void anOperationListingMessagesCoversOnlyThose() {
        AsyncApiImport result = withOperations("""
                cancel:
                  action: send
                  channel: {$ref: '#/channels/orders'}
                  messages: [{$ref: '#/channels/orders/messages/cancelled'}]""");

        assertThat(result.inventory().points()).extracting(IntegrationPoint::describe)
                .containsExactly("SEND cancelled to kafka:orders (cancel, JSON_SCHEMA)");
    }

    @Test
    void theReplyOfAReceiveOperationIsSent() {
        AsyncApiImport result = withOperations("""
                onOrder:
                  action: receive
                  channel: {$ref: '#/channels/orders'}
                  messages: [{$ref: '#/channels/orders/messages/placed'}]
                  reply:
                    channel: {$ref: '#/channels/refunds'}""");

        assertThat(result.inventory().points()).extracting(IntegrationPoint::describe).containsExactly(
                "RECEIVE placed from kafka:orders (onOrder, JSON_SCHEMA)",
                "SEND refunded to jms:queue:REFUNDS (onOrder, JSON_SCHEMA)");
    }

    @Test
    void aMessageFromAnotherChannelIsSkippedWithAWarning() {
        AsyncApiImport result = withOperations("""
                cancel:
                  action: send
                  channel: {$ref: '#/channels/orders'}
                  messages: [{$ref: '#/channels/refunds/messages/refunded'}]""");

        assertThat(result.inventory().points()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(RABBIT_WARNING,
                "inline AsyncAPI document#/operations/cancel/messages/0: message skipped: it is not one of the "
                        + "messages of channel 'orders'");
    }

    @Test
    void anOperationWithAnUnknownActionIsSkipped() {
        AsyncApiImport result = withOperations("publish: {action: publish, channel: {$ref: '#/channels/orders'}}");

        assertThat(result.inventory().points()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(RABBIT_WARNING,
                "inline AsyncAPI document#/operations/publish: operation skipped: action 'publish' is neither send "
                        + "nor receive");
    }

    @Test
    void anOperationOnAChannelOutsideChannelsIsSkipped() {
        AsyncApiImport result = AsyncApi.parse("""
                asyncapi: 3.0.0
                info: {title: Ops, version: 1.0.0}
                operations:
                  send: {action: send, channel: {$ref: '#/components/channels/orders'}}
                components:
                  channels:
                    orders: {address: orders, bindings: {kafka: {}}}
                """, dir);

        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(
                "inline AsyncAPI document#/operations/send/channel: operation skipped: its channel is not one of "
                        + "the document's channels");
    }

    @Test
    void aReplyWithoutChannelIsSkippedWithAWarning() {
        AsyncApiImport result = withOperations("""
                ask:
                  action: send
                  channel: {$ref: '#/channels/orders'}
                  messages: [{$ref: '#/channels/orders/messages/placed'}]
                  reply:
                    address: {location: '$message.header#/replyTo'}""");

        assertThat(result.inventory().points()).extracting(IntegrationPoint::describe)
                .containsExactly("SEND placed to kafka:orders (ask, JSON_SCHEMA)");
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(RABBIT_WARNING,
                "inline AsyncAPI document#/operations/ask/reply: reply skipped: it names no channel");
    }

    @Test
    void anOperationOnASkippedChannelAddsNoPointAndNoSecondWarning() {
        AsyncApiImport result = withOperations("hop: {action: send, channel: {$ref: '#/channels/rabbit'}}");

        assertThat(result.inventory().points()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::describe).containsExactly(RABBIT_WARNING);
    }
}
