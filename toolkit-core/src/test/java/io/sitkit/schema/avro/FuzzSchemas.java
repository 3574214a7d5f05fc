package io.sitkit.schema.avro;

import org.apache.avro.Schema;

import java.nio.file.Path;
import java.util.List;

/**
 * Schemas and valid values the Avro and Confluent-frame properties start from: the samples' records
 * and one record with every Avro type and logical type, including a recursive one and an array of
 * items that take no bytes.
 */
final class FuzzSchemas {
    static final AvroSchemas SAMPLES = AvroSchemas.load(Path.of("src/test/resources/avro"));
    static final Schema ORDER = SAMPLES.get("io.sitkit.samples.orders.OrderPlaced");
    static final Schema PATIENT = SAMPLES.get("io.sitkit.samples.patients.PatientRegistered");
    static final Schema PAYMENT = SAMPLES.get("io.sitkit.samples.payments.PaymentRequested");
    static final Schema EVERYTHING = new Schema.Parser().parse("""
            {"type": "record", "name": "Everything", "namespace": "io.sitkit.fuzz", "fields": [
              {"name": "n", "type": "null"},
              {"name": "b", "type": "boolean"},
              {"name": "i", "type": "int"},
              {"name": "l", "type": "long"},
              {"name": "f", "type": "float"},
              {"name": "d", "type": "double"},
              {"name": "raw", "type": "bytes"},
              {"name": "s", "type": "string"},
              {"name": "fx", "type": {"type": "fixed", "name": "Four", "size": 4}},
              {"name": "e", "type": {"type": "enum", "name": "Colour", "symbols": ["RED", "GREEN", "BLUE"]}},
              {"name": "arr", "type": {"type": "array", "items": "long"}},
              {"name": "m", "type": {"type": "map", "values": "int"}},
              {"name": "u", "type": ["null", "string", "long", "Four"]},
              {"name": "tree", "type": {"type": "record", "name": "Node", "fields": [
                {"name": "label", "type": "string"},
                {"name": "next", "type": ["null", "Node"], "default": null}]}},
              {"name": "date", "type": {"type": "int", "logicalType": "date"}},
              {"name": "tms", "type": {"type": "int", "logicalType": "time-millis"}},
              {"name": "tus", "type": {"type": "long", "logicalType": "time-micros"}},
              {"name": "tsms", "type": {"type": "long", "logicalType": "timestamp-millis"}},
              {"name": "tsus", "type": {"type": "long", "logicalType": "timestamp-micros"}},
              {"name": "ltsms", "type": {"type": "long", "logicalType": "local-timestamp-millis"}},
              {"name": "ltsus", "type": {"type": "long", "logicalType": "local-timestamp-micros"}},
              {"name": "dec", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
              {"name": "decfx", "type": {"type": "fixed", "name": "Dec8", "size": 8, "logicalType": "decimal", "precision": 18, "scale": 4}},
              {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
              {"name": "nothings", "type": {"type": "array", "items": "null"}}
            ]}""");
    static final String EVERYTHING_JSON = """
            {"n": null, "b": true, "i": -7, "l": 1234567890123, "f": 1.5, "d": -2.25, "raw": "AAEC/w==", "s": "Grüße",
             "fx": "AQIDBA==", "e": "GREEN", "arr": [1, -1, 300], "m": {"a": 1, "b": -2}, "u": "text",
             "tree": {"label": "root", "next": {"label": "leaf", "next": null}},
             "date": "2026-12-06", "tms": "10:15:30.250", "tus": "23:59:59.999999", "tsms": "2026-12-06T10:15:30.250Z",
             "tsus": "2026-12-06T10:15:30.123456Z", "ltsms": "2026-12-06T10:15:30Z", "ltsus": "1970-01-01T00:00:00Z",
             "dec": 1234567.89, "decfx": -3.1415, "id": "7f0c2a4e-53b5-4a8e-9a43-1c1c0d5c7a11", "nothings": [null, null, null]}""";
    static final String PATIENT_JSON = """
            {"patientId":"P-77","familyName":"Müller","givenNames":["Anna","Lena"],"dateOfBirth":"1984-02-29",
             "address":{"street":"Ring 5","city":"Bonn","postalCode":"53111","country":"DE"},
             "identifiers":{"EMR":"4711"},"insurance":{"provider":"AOK","policyNumber":"X-1","validUntil":"2030-01-01"},
             "consentGiven":true,"weightKg":61.5}""";
    static final String PAYMENT_JSON = """
            {"paymentId":"pay-1","orderId":"o-1001","amount":{"amount":39.80,"currency":"EUR"},"method":"CARD",
             "cardLast4":"MTIzNA==","requestedAt":"2026-11-25T07:00:00.123456Z"}""";

    /** Each schema with a valid value's Avro binary. */
    static final List<Schema> ALL = List.of(ORDER, PATIENT, PAYMENT, EVERYTHING);

    static List<byte[]> validValues() {
        return List.of(AvroCodec.of(ORDER).encodeJson(Samples.ORDER_JSON), AvroCodec.of(PATIENT).encodeJson(PATIENT_JSON),
                AvroCodec.of(PAYMENT).encodeJson(PAYMENT_JSON), AvroCodec.of(EVERYTHING).encodeJson(EVERYTHING_JSON));
    }

    private FuzzSchemas() {
    }
}
