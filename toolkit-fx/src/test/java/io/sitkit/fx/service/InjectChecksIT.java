package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.PublishResult;
import io.sitkit.fx.SchemaFiles;
import io.sitkit.fx.SharedSandbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Injecting with a JSON Schema, an Avro schema file or a contract to check against and sample from; copies at a rate, cancelled. */
@ExtendWith(SharedSandbox.class)
class InjectChecksIT {
    @TempDir
    Path dir;
    private Path schema;
    private Path avsc;
    private Path contract;

    @BeforeEach
    void files() throws Exception {
        schema = Files.writeString(dir.resolve("payment.schema.json"), SchemaFiles.PAYMENT_SCHEMA);
        avsc = Files.writeString(dir.resolve("shipment.avsc"), SchemaFiles.SHIPMENT_AVSC);
        contract = Files.writeString(dir.resolve("payments.yaml"), SchemaFiles.CONTRACT);
    }

    @Test
    void every_copy_is_checked_against_a_json_schema_before_anything_is_sent(Connection c) {
        InjectSchema check = InjectSchema.load(schema, c.schemas());
        Injector injector = new Injector(c);
        Destination d = Destination.kafka("inj-json-schema");

        String sample = check.sample(7);
        List<PublishResult> sent = injector.send(InjectRequest.json(d, sample).checkedAgainst(check).withCopies(2));

        assertThat(check.describe()).isEqualTo("JSON Schema payment.schema.json");
        assertThat(sample).isEqualTo(check.sample(7)).contains("\"paymentId\" : \"p-");
        assertThat(sent).hasSize(2);
        assertThatThrownBy(() -> injector.send(InjectRequest.json(d, "{\"paymentId\":\"p-1\",\"amount\":0,\"currency\":\"EUR\"}")
                .checkedAgainst(check).withCopies(3)))
                .hasMessage("copy 1: does not conform to JSON Schema payment.schema.json: $.paymentId: does not match the regex pattern"
                        + " ^p-[0-9]{4}$ (pattern); $.amount: must have an exclusive minimum value of 0 (exclusiveMinimum)");
        assertThat(c.bus().kafka().listDestinations()).filteredOn(i -> i.destination().equals(d)).singleElement()
                .satisfies(i -> assertThat(i.messageCount()).isEqualTo(2));
    }

    @Test
    void a_contract_checks_required_headers_and_its_payload_schema(Connection c) {
        InjectSchema check = InjectSchema.load(contract, c.schemas());
        Injector injector = new Injector(c);
        InjectRequest r = InjectRequest.json(Destination.kafka("payments"), check.sample(3)).checkedAgainst(check);

        assertThatThrownBy(() -> injector.prepare(r)).hasMessage("does not conform to " + check.describe()
                + ": header `traceparent` is missing (the message has no headers)");
        assertThatThrownBy(() -> injector.prepare(InjectRequest.json(Destination.kafka("inj-contract"), check.sample(3)).checkedAgainst(check)
                .withHeaders(InjectRequest.parseHeaders("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))))
                .hasMessageEndingWith(": message on kafka:inj-contract, but contract payments-requested is for kafka:payments");
        assertThat(injector.prepare(r.withHeaders(InjectRequest.parseHeaders("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))))
                .hasSize(1);
        assertThat(check.describe()).isEqualTo("contract payments-requested (JSON Schema " + schema + ")");
    }

    @Test
    void a_plain_avro_schema_file_samples_encodes_and_decodes_a_destination(Connection c) {
        InjectSchema check = InjectSchema.load(avsc, Optional.empty());
        Destination d = Destination.kafka("inj-avro-plain");

        new Injector(c).send(InjectRequest.avroPlain(d, check, "{\"shipmentId\": \"s-1\", \"parcels\": 3}"));
        MessageRow row = new MessageBrowser(c, PayloadDecoding.using(Optional.empty()).withChosenSchema(PayloadDecoding.avroSchemaFile(avsc)))
                .open(d, PagePosition.beginning(), 5, DecoderChoice.AVRO_SCHEMA).rows().get(0);

        assertThat(check.describe()).isEqualTo("Avro schema io.sitkit.test.Shipment (shipment.avsc)");
        assertThat(check.sample(1)).contains("\"parcels\" : ");
        assertThat(row.decoded().label()).startsWith("Avro · io.sitkit.test.Shipment · ");
        assertThat(row.decoded().tree().toString()).isEqualTo("{\"shipmentId\":\"s-1\",\"parcels\":3}");
        assertThatThrownBy(() -> new Injector(c).prepare(InjectRequest.avroPlain(d, check, "{\"shipmentId\": 5}")))
                .hasMessageStartingWith("does not fit Avro schema io.sitkit.test.Shipment: ");
        assertThatThrownBy(() -> new InjectRequest(d, null, List.of(), "{}", InjectRequest.Format.AVRO_PLAIN, -1, false, 1, 0, null))
                .hasMessage("a plain Avro payload needs an Avro schema to encode it with: choose an .avsc file, or a contract with an Avro payload");
        assertThatThrownBy(() -> InjectSchema.load(dir.resolve("missing.avsc"), Optional.empty()))
                .hasMessage("no schema or contract file at " + dir.resolve("missing.avsc"));
    }

    @Test
    void copies_go_out_at_the_rate_and_a_cancel_stops_them(Connection c) {
        Injector injector = new Injector(c);
        Destination d = Destination.kafka("inj-rate");
        AtomicInteger progress = new AtomicInteger();

        long t0 = System.nanoTime();
        Injector.Sent paced = injector.send(InjectRequest.text(d, "tick").withCopies(5).atRate(20), progress::set, () -> false);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        AtomicInteger sentSoFar = new AtomicInteger();
        Injector.Sent cancelled = injector.send(InjectRequest.text(d, "tock").withCopies(100).atRate(50), sentSoFar::set,
                () -> sentSoFar.get() >= 3);

        assertThat(paced.sent()).hasSize(5);
        assertThat(paced.cancelled()).isFalse();
        assertThat(elapsedMs).as("5 copies at 20/s take at least the 4 gaps of 50 ms between them").isGreaterThanOrEqualTo(200);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.total()).isEqualTo(100);
        assertThat(cancelled.sent()).hasSize(3);
        assertThat(progress.get()).isEqualTo(5);
        assertThatThrownBy(() -> InjectRequest.text(d, "x").atRate(-1))
                .hasMessage("rate must be 0 (as fast as possible) or a number of messages per second, was -1.0");
    }
}
