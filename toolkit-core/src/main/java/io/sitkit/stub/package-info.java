/**
 * Virtual services on the bus: a {@link io.sitkit.stub.Stub} stands in for a missing service on a
 * Kafka topic or JMS destination — matching requests with the core's matchers, answering from
 * templates ({@link io.sitkit.template}) to the request's reply address or a fixed one, on either
 * transport, carrying correlation and trace context over, following scenarios, recording every
 * exchange for verification. An {@link io.sitkit.stub.Interceptor} relays a real flow from one
 * destination to another through seeded faults ({@link io.sitkit.fault}). Both can be defined
 * in YAML files ({@link io.sitkit.stub.StubFiles}), so one file drives them in tests and in the sandbox.
 *
 * <pre>{@code
 * try (Stub payment = StubSpec.on("jms:queue:payment.requests")
 *         .rule(Rule.always().reply(Reply.json("{\"orderId\":\"{{ $.orderId }}\",\"status\":\"APPROVED\"}")))
 *         .start(bus)) {
 *     checkout.placeOrder("o-1");
 *     payment.received(exactly(1), jsonPath("$.orderId").isEqualTo("o-1"));
 * }
 * }</pre>
 */
package io.sitkit.stub;
