package io.sitkit.samples.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitkit.schema.SchemaFormat;
import io.sitkit.schema.avro.AvroCodec;
import io.sitkit.schema.avro.AvroSchemas;
import io.sitkit.schema.avro.ConfluentWireFormat;
import io.sitkit.schema.avro.RegistryAvro;
import io.sitkit.schema.registry.RegistrySettings;
import io.sitkit.schema.registry.SchemaRegistryClient;
import io.sitkit.samples.support.Wiring;
import org.apache.avro.Schema;

/**
 * The {@code OrderPlaced} event in the Confluent wire format (magic byte, 4-byte schema id, Avro
 * binary), its schema registered under {@code <topic>-value} — what Confluent's {@code KafkaAvroSerializer}
 * does, written with sitkit's Avro classes so the sample needs no Confluent artifacts.
 *
 * <pre>{@code
 * OrderPlacedCodec codec = OrderPlacedCodec.connect(wiring);
 * byte[] framed = codec.encode(topic, orderPlacedJson);
 * JsonNode back = codec.decode(framed, "orders-placed@12");
 * }</pre>
 *
 * <p>The registry's URL is the wiring's {@value #REGISTRY_URL}. Thread-safety: safe for concurrent use.
 */
public final class OrderPlacedCodec {
    /** The connection key naming the schema registry. */
    public static final String REGISTRY_URL = "sitkit.schema-registry.url";
    /** The schema of the event, as checkout writes it. */
    public static final Schema SCHEMA = AvroSchemas.fromClasspath("io/sitkit/samples/shop/OrderPlaced.avsc")
            .get("io.sitkit.samples.shop.OrderPlaced");

    private final SchemaRegistryClient registry;
    private final RegistryAvro avro;

    private OrderPlacedCodec(SchemaRegistryClient registry) {
        this.registry = registry;
        this.avro = RegistryAvro.using(registry);
    }

    /** A codec talking to the registry the wiring names. */
    public static OrderPlacedCodec connect(Wiring wiring) {
        String url = wiring.connection().get(REGISTRY_URL);
        if (url == null) {
            throw new IllegalStateException("the shop's OrderPlaced events need a schema registry: the wiring has no " + REGISTRY_URL
                    + " (start one with LocalSchemaRegistry.start(...) and add its confluentUrl()); it has " + wiring.connection().keySet());
        }
        return new OrderPlacedCodec(new SchemaRegistryClient(RegistrySettings.of(url)));
    }

    /** Registers the schema under {@code <topic>-value} (once per topic) and returns its id. */
    public int register(String topic) {
        return registry.register(topic + "-value", SchemaFormat.AVRO, SCHEMA.toString());
    }

    /** The event given as plain JSON (decimals as numbers), framed with the id registered for {@code topic}. */
    public byte[] encode(String topic, JsonNode event) {
        return ConfluentWireFormat.frame(register(topic), AvroCodec.of(SCHEMA).encodeJson(event));
    }

    /** A framed event as plain JSON, read with the writer's schema found by id. */
    public JsonNode decode(byte[] framed, String where) {
        return avro.decode(framed, where).json();
    }
}
