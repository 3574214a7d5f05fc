package io.sitkit.fx.viewmodel;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.SharedSandbox;
import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.DecodedPayload;
import io.sitkit.fx.service.DecoderChoice;
import io.sitkit.fx.service.InjectRequest;
import io.sitkit.fx.service.InjectSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The inject dialog's schema checks, samples, rate and cancel, and decoding a destination with an .avsc, without a Stage. */
@ExtendWith(SharedSandbox.class)
class InjectViewModelIT {
    @TempDir
    Path dir;
    private InspectorHarness h;

    @BeforeEach
    void start() {
        h = new InspectorHarness(dir);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void a_sample_from_the_schema_validates_a_broken_payload_does_not_and_a_paced_send_is_cancelled(Connection shared) throws Exception {
        Path schema = Files.writeString(dir.resolve("payment.schema.json"), io.sitkit.fx.SchemaFiles.PAYMENT_SCHEMA);
        ConnectionViewModel c = h.connect(InspectorHarness.onto(shared, "checks"));
        InjectViewModel inject = h.ui.get(() -> c.inject(Destination.kafka("vm-checked")));

        h.ui.done(inject::generateSample);
        assertThat(h.ui.get(() -> inject.messageProperty().get())).isEqualTo("choose a JSON Schema (.json), Avro schema (.avsc) or contract (.yaml) first");
        h.ui.run(() -> inject.schemaFileProperty().set(schema.toString()));
        h.ui.done(inject::generateSample);
        assertThat(h.ui.get(() -> inject.messageProperty().get())).isEqualTo("Sample from JSON Schema payment.schema.json");
        assertThat(h.ui.get(() -> inject.payloadProperty().get())).startsWith("{\n  \"paymentId\" : \"p-");
        assertThat(h.ui.get(() -> inject.formatProperty().get())).isEqualTo(InjectRequest.Format.JSON);
        h.ui.done(inject::validate);
        assertThat(h.ui.get(() -> inject.messageProperty().get()))
                .isEqualTo("Valid: 1 message ready for kafka:vm-checked, conforming to JSON Schema payment.schema.json");

        h.ui.run(() -> inject.payloadProperty().set("{\"paymentId\":\"p-0001\",\"amount\":5,\"currency\":\"GBP\"}"));
        h.ui.done(inject::validate);
        assertThat(h.ui.get(() -> inject.okProperty().get())).isFalse();
        assertThat(h.ui.get(() -> inject.messageProperty().get()))
                .isEqualTo("does not conform to JSON Schema payment.schema.json: $.currency: does not have a value in the enumeration [\"EUR\", \"USD\"] (enum)");

        h.ui.run(() -> {
            inject.payloadProperty().set("{\"paymentId\":\"p-0001\",\"amount\":5,\"currency\":\"EUR\"}");
            inject.copiesProperty().set(1_000);
            inject.rateProperty().set(20);
        });
        Background.Job sending = h.ui.get(inject::send);
        h.ui.until(() -> inject.sentProperty().get() >= 2);
        h.ui.run(inject::cancel);
        sending.done().join();

        String outcome = h.ui.get(() -> inject.messageProperty().get());
        assertThat(outcome).matches("Cancelled: sent \\d+ of 1000 messages to kafka:vm-checked \\(audited\\)");
        int sent = Integer.parseInt(outcome.replaceAll("Cancelled: sent (\\d+) of.*", "$1"));
        assertThat(sent).isBetween(2, 999);
        assertThat(h.ui.get(() -> inject.results().size())).isEqualTo(sent);
        assertThat(h.ui.get(() -> inject.sendingProperty().get())).isFalse();
    }

    @Test
    void a_destination_is_decoded_with_a_chosen_avro_schema_file(Connection shared) throws Exception {
        Path avsc = Files.writeString(dir.resolve("shipment.avsc"), io.sitkit.fx.SchemaFiles.SHIPMENT_AVSC);
        new io.sitkit.fx.service.Injector(shared).send(InjectRequest.avroPlain(Destination.kafka("vm-avro-plain"),
                InjectSchema.load(avsc, Optional.empty()), "{\"shipmentId\":\"s-9\",\"parcels\":2}"));
        shared.bus().publish(OutgoingMessage.text("kafka:vm-avro-plain", "not avro at all"));
        ConnectionViewModel c = h.connect(InspectorHarness.onto(shared, "avro"));
        MessagesViewModel m = h.ui.get(() -> c.messages(Destination.kafka("vm-avro-plain")));
        h.ui.done(m::first);
        assertThat(h.ui.get(() -> m.rows().get(0).decoded().format())).isEqualTo(DecodedPayload.Format.HEX);

        h.ui.done(() -> m.useAvroSchema(avsc.toString()));
        h.ui.until(() -> m.rows().size() == 2 && m.rows().get(0).decoded().format() == DecodedPayload.Format.AVRO);

        assertThat(h.ui.get(() -> m.decoderProperty().get())).isEqualTo(DecoderChoice.AVRO_SCHEMA);
        assertThat(h.ui.get(() -> m.avroSchemaProperty().get())).isEqualTo("io.sitkit.test.Shipment (shipment.avsc)");
        assertThat(h.ui.get(() -> m.rows().get(0).decoded().tree().toString())).isEqualTo("{\"shipmentId\":\"s-9\",\"parcels\":2}");
        assertThat(h.ui.get(() -> m.rows().get(1).decoded().format())).isEqualTo(DecodedPayload.Format.TEXT);
        assertThat(h.ui.get(() -> m.rows().get(1).decoded().reason())).isEqualTo("cannot decode Avro value of io.sitkit.test.Shipment at"
                + " kafka:vm-avro-plain[0]@1: truncated: the value needs more than the 15 bytes given (15 bytes, first: 6e 6f 74 20 61 76 72"
                + " 6f 20 61 74 20 61 6c 6c)");
        h.ui.done(() -> m.useAvroSchema(dir.resolve("nope.avsc").toString()));
        assertThat(h.ui.get(() -> m.statusProperty().get())).isEqualTo("cannot use that Avro schema: no Avro schema file at " + dir.resolve("nope.avsc"));
    }
}
