package io.sitkit.fx;

/** Test support: a JSON Schema, an Avro schema and a contract to inject with, as file contents. */
public final class SchemaFiles {
    public static final String PAYMENT_SCHEMA = """
            {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
             "required": ["paymentId", "amount", "currency"], "additionalProperties": false,
             "properties": {"paymentId": {"type": "string", "pattern": "^p-[0-9]{4}$"},
                            "amount": {"type": "number", "exclusiveMinimum": 0},
                            "currency": {"type": "string", "enum": ["EUR", "USD"]}}}
            """;
    public static final String SHIPMENT_AVSC = """
            {"type": "record", "name": "Shipment", "namespace": "io.sitkit.test",
             "fields": [{"name": "shipmentId", "type": "string"}, {"name": "parcels", "type": "int"}]}
            """;
    public static final String CONTRACT = """
            name: payments-requested
            destination: kafka:payments
            payload: {format: json-schema, file: payment.schema.json}
            headers:
              - {name: traceparent, pattern: "00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"}
            """;

    private SchemaFiles() {
    }
}
