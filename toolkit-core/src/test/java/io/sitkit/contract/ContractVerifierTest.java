package io.sitkit.contract;

import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.sitkit.core.TestMessages.T0;
import static io.sitkit.core.TestMessages.jms;
import static org.assertj.core.api.Assertions.assertThat;

/** The verifier's report order: by destination in contract order, then partition and offset, whatever the capture order. */
class ContractVerifierTest {
    private static final Contract ORDERS = Contracts.parse("name: orders\ndestination: kafka:orders\nheaders: [eventType]\n",
            "orders.yaml", ContractsTest.DIR);
    private static final Contract PAYMENTS = Contracts.parse("name: payments\ndestination: jms:queue:payments\nheaders: [eventType]\n",
            "payments.yaml", ContractsTest.DIR);

    private static Message order(int partition, long offset) {
        return new Message(Destination.kafka("orders"), null, Headers.empty(), "{}".getBytes(StandardCharsets.UTF_8), BodyType.BYTES,
                T0, T0, new KafkaMetadata(partition, offset, "CreateTime", -1));
    }

    @Test
    void violations_are_listed_by_destination_in_contract_order_then_partition_and_offset_whatever_arrived_first() {
        Message p1 = jms("jms:queue:payments", "ID:1", null, "{}", 0);
        Message p2 = jms("jms:queue:payments", "ID:2", null, "{}", 5);
        Message other = jms("jms:queue:audit", "ID:9", null, "{}", 6);
        // Two captures of the same messages: the JMS ones first in one, the Kafka partitions interleaved in both.
        List<Message> jmsFirst = List.of(p1, order(1, 0), p2, order(0, 1), other, order(0, 0));
        List<Message> kafkaFirst = List.of(order(0, 0), order(1, 0), order(0, 1), other, p1, p2);

        VerificationReport a = ContractVerifier.of(List.of(ORDERS, PAYMENTS)).verify(jmsFirst);
        VerificationReport b = ContractVerifier.of(List.of(ORDERS, PAYMENTS)).verify(kafkaFirst);

        assertThat(a.violations()).extracting(Violation::position).containsExactly(
                "kafka:orders[0]@0", "kafka:orders[0]@1", "kafka:orders[1]@0", "jms:queue:payments id=ID:1", "jms:queue:payments id=ID:2");
        assertThat(b.violations()).isEqualTo(a.violations());
        assertThat(a.violations()).extracting(Violation::detail).containsOnly("header `eventType` is missing (the message has no headers)");
        assertThat(a.checked()).containsEntry("orders", 3).containsEntry("payments", 2);
        assertThat(a.uncovered()).containsExactlyEntriesOf(java.util.Map.of(Destination.jmsQueue("audit"), 1));
    }

    @Test
    void the_contracts_order_decides_which_destination_is_listed_first() {
        List<Message> captured = List.of(order(0, 0), jms("jms:queue:payments", "ID:1", null, "{}", 0));

        assertThat(ContractVerifier.of(List.of(PAYMENTS, ORDERS)).verify(captured).violations())
                .extracting(Violation::contract).containsExactly("payments", "orders");
    }

    @Test
    void messages_of_one_jms_destination_keep_the_order_they_were_captured_in() {
        List<Message> captured = List.of(jms("jms:queue:payments", "ID:b", null, "{}", 0), jms("jms:queue:payments", "ID:a", null, "{}", 1));

        assertThat(ContractVerifier.of(List.of(PAYMENTS)).verify(captured).violations()).extracting(Violation::position)
                .containsExactly("jms:queue:payments id=ID:b", "jms:queue:payments id=ID:a");
    }
}
