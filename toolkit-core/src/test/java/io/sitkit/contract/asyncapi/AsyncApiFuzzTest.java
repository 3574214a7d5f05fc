package io.sitkit.contract.asyncapi;

import io.sitkit.fuzz.BadInput;
import io.sitkit.fuzz.Fuzz;
import io.sitkit.fuzz.Gen;
import io.sitkit.fuzz.Guard;
import io.sitkit.fuzz.Mutations;
import io.sitkit.schema.SchemaException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * AsyncAPI: {@link AsyncApi#parse} imports mutated and random 2.6 and 3.0 documents or fails with
 * a {@link SchemaException} naming the document (or the referenced file) and the place. The seeds
 * are the shop documents and small ones with every kind of reference (local, to a JSON, YAML and
 * Avro file, to a trait, recursive); file references resolve against
 * {@code src/test/resources/asyncapi}, where the shop documents' schemas are.
 */
class AsyncApiFuzzTest {
    private static final Path BASE = Path.of("src/test/resources/asyncapi").toAbsolutePath();
    private static final List<String> SEEDS = List.of("""
            asyncapi: 3.0.0
            info: {title: Fuzz, version: 1.0.0}
            servers:
              k: {host: 'localhost:9092', protocol: kafka}
              j: {host: 'localhost:61616', protocol: jms}
            channels:
              orders:
                address: orders
                servers: [{$ref: '#/servers/k'}]
                bindings: {kafka: {topic: shop.orders.v1}}
                messages:
                  placed: {$ref: '#/components/messages/Placed'}
              payments:
                address: payments
                servers: [{$ref: '#/servers/j'}]
                bindings: {jms: {destination: SHOP.PAYMENTS, destinationType: queue}}
                messages:
                  requested:
                    payload: {$ref: './schemas/payment-requested.json'}
            operations:
              publish:
                action: send
                channel: {$ref: '#/channels/orders'}
                messages: [{$ref: '#/channels/orders/messages/placed'}]
              pay:
                action: receive
                channel: {$ref: '#/channels/payments'}
                reply: {channel: {$ref: '#/channels/orders'}}
            components:
              messages:
                Placed:
                  contentType: avro/binary
                  payload:
                    schemaFormat: application/vnd.apache.avro;version=1.9.0
                    schema: {$ref: './schemas/order-placed.avsc'}
                  traits: [{$ref: '#/components/messageTraits/T'}]
              messageTraits:
                T: {headers: {type: object, properties: {traceparent: {type: string}}}}
              schemas:
                Reason: {type: string, enum: [A, B]}
            """, """
            asyncapi: 2.6.0
            info: {title: Fuzz, version: 1.0.0}
            servers:
              k: {url: 'localhost:9092', protocol: kafka}
            channels:
              orders:
                servers: [k]
                bindings: {kafka: {topic: shop.orders.v1}}
                subscribe:
                  operationId: publishOrder
                  message: {$ref: '#/components/messages/Placed'}
              results:
                bindings: {jms: {destination: RESULTS, destinationType: topic}}
                publish:
                  message:
                    oneOf:
                      - {payload: {type: object, properties: {id: {type: string}, r: {$ref: '#/components/schemas/R'}}}}
                      - {payload: {$ref: './schemas/common/money.json'}}
            components:
              messages:
                Placed:
                  payload: {$ref: '#/components/schemas/R'}
                  headers: {$ref: './shared/tracing.yaml#/components/schemas/InventoryEventHeaders'}
              schemas:
                R: {type: string, enum: [A, B]}
            """, """
            {"asyncapi": "3.0.0", "info": {"title": "J", "version": "1"}, "channels": {"c": {"address": "c",
              "messages": {"m": {"payload": {"type": "object", "properties": {"a": {"$ref": "#/components/schemas/A"}}}}}}},
             "components": {"schemas": {"A": {"type": "array", "items": {"$ref": "#/components/schemas/A"}}}}}
            """);
    private static Guard guard;

    @BeforeAll
    static void start() {
        guard = Guard.start("asyncapi-fuzz");
    }

    @AfterAll
    static void stop() {
        guard.close();
    }

    private static Function<SplittableRandom, String> documents() throws java.io.IOException {
        List<String> seeds = new ArrayList<>(SEEDS);
        seeds.add(java.nio.file.Files.readString(BASE.resolve("shop-2.6.yaml")));
        seeds.add(java.nio.file.Files.readString(BASE.resolve("shop-3.0.yaml")));
        List<String> tokens = new ArrayList<>(Mutations.YAML_TOKENS);
        tokens.addAll(List.of("asyncapi: ", "2.6.0", "3.0.0", "1.0", "channels:", "operations:", "components:", "messages:",
                "payload:", "headers:", "bindings:", "kafka:", "jms:", "amqp:", "topic: ", "destination: ", "destinationType: ",
                "fifo-queue", "address: ", "action: ", "send", "receive", "reply:", "traits:", "oneOf:", "schemaFormat: ",
                "application/vnd.apache.avro;version=1.9.0", "application/raw", "$ref: ", "'#/components/schemas/R'",
                "'#/components/schemas/A'", "'#/channels/orders'", "'./schemas/payment-requested.json'", "'./nope.json'",
                "'./schemas/'", "'#/'", "'#'", "'#/components/schemas/R/enum/5'", "'./shared/tracing.yaml#/x'", "'http://x/y'",
                "%20", "~1", "~0", "protocol: ", "servers:", "{$ref: '#/servers/k'}", "\"$ref\": \"#\""));
        return Mutations.text(seeds, List.copyOf(tokens));
    }

    @Test
    void aDocumentImportsOrFailsWithASchemaExceptionNamingThePlace() throws java.io.IOException {
        Fuzz.check(Fuzz.SEED, documents(), BadInput::preview, this::tryOne);
    }

    private void tryOne(String text) {
        String input = BadInput.preview(text);
        Guard.Outcome outcome = guard.run(input, () -> AsyncApi.parse(text, BASE));

        BadInput.expect(outcome, SchemaException.class, "", input);
        if (outcome.threw()) {
            org.assertj.core.api.Assertions.assertThat(outcome.thrown().getMessage())
                    .containsAnyOf("inline AsyncAPI document", BASE.toString());
        }
    }
}
