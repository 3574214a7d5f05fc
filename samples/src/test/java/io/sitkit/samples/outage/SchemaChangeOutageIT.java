package io.sitkit.samples.outage;

import io.sitkit.contract.Breakage;
import io.sitkit.contract.ConsumerCheck;
import io.sitkit.contract.ContractVerifier;
import io.sitkit.contract.VerificationReport;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.Flow;
import io.sitkit.correlate.KeySource;
import io.sitkit.expect.ExpectationFailedError;
import io.sitkit.expect.Expectations;
import io.sitkit.expect.FieldMapping;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import io.sitkit.samples.support.Wiring;
import io.sitkit.schema.PayloadDecoder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.key;
import static io.sitkit.samples.outage.AuthEvents.AUTH_EVENTS;
import static io.sitkit.samples.outage.AuthEvents.SUBSCRIPTIONS;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The third safety net, and the contract checked on what auth really sends: auth and billing run
 * on the brokers, a user signs up, and the flow test expects billing's subscription for that user.
 * With auth v1 it comes; with v2 billing drops the event without a word, and only the missing hop
 * says so.
 */
@SitTest(observe = {AUTH_EVENTS, SUBSCRIPTIONS})
class SchemaChangeOutageIT {

    @Smoke
    @Test
    void with_v1_every_sign_up_opens_a_subscription_and_the_event_keeps_the_contract(SitBus bus, SitEnvironment env) {
        try (OutageSystem system = OutageSystem.start(wiring(bus, env), AuthRelease.V1)) {
            system.auth().signUp("u-1001", "ann@example.com", "PRO");

            Flow flow = byUser(bus).expectFlow("u-1001").through(real(bus, AUTH_EVENTS), real(bus, SUBSCRIPTIONS))
                    .consistent(FieldMapping.of(real(bus, AUTH_EVENTS), "$.plan").and(real(bus, SUBSCRIPTIONS), "$.plan"))
                    .within(ofSeconds(10));

            assertThat(flow.first(bus.destination(SUBSCRIPTIONS)).orElseThrow()).hasCorrelationId("u-1001")
                    .hasJsonPath("$.type", "SubscriptionOpened").hasJsonPath("$.monthlyPrice", 12.00);
            assertThat(contractCheck(bus)).hasNoViolations();
            assertThat(system.billing().dropped()).isZero();
        }
    }

    @Deep
    @Test
    void with_v2_the_flow_test_notices_that_billing_never_opened_the_subscription(SitBus bus, SitEnvironment env) {
        try (OutageSystem system = OutageSystem.start(wiring(bus, env), AuthRelease.V2)) {
            system.auth().signUp("u-2002", "bo@example.com", "TEAM");

            String auth = real(bus, AUTH_EVENTS);
            String billing = real(bus, SUBSCRIPTIONS);
            assertThatThrownBy(() -> byUser(bus).expectFlow("u-2002").through(auth, billing).within(ofSeconds(2)))
                    .isInstanceOf(ExpectationFailedError.class)
                    .hasMessageStartingWith("""
                            expected flow u-2002 through %1$s -> %2$s
                              correlated by %1$s by $.userId, %2$s by $.userId
                              within 2s
                              but it broke at hop 1 %1$s -> %2$s: no message with key u-2002 on %2$s after the one on %1$s
                              reached:
                                1. at +0ms: %1$s[0]@0 key=u-2002 {"type":"UserSignedUp","userId":"u-2002",""".formatted(auth, billing))
                    .hasMessageContaining("\n  seen since the capture started: %s=1, %s=0\n".formatted(auth, billing));
            // the cause, which billing never reported: it could not parse the event
            await("billing to have dropped the event").atMost(ofSeconds(5)).until(() -> system.billing().dropped() == 1);
        }
    }

    @Deep
    @Test
    void with_v2_the_event_auth_really_sends_breaks_the_contract(SitBus bus, SitEnvironment env) {
        try (OutageSystem system = OutageSystem.start(wiring(bus, env), AuthRelease.V2)) {
            system.auth().signUp("u-3003", "cy@example.com", "FREE");

            Message event = bus.expect(AUTH_EVENTS).message(key("u-3003")).within(ofSeconds(10));
            assertThatThrownBy(() -> assertThat(contractCheck(bus)).hasNoViolations())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("""
                            expected no contract violations
                              but found 1 contract violation in 1 message checked against 1 contract
                              user-signed-up @ %s: payload $: property 'mfaMethod' is not defined in the schema and the schema\
                             does not allow additional properties (additionalProperties)""".formatted(event.position()));
            // and what it means for the consumer that reads it
            assertThat(ConsumerCheck.message(AuthEvents.contract(), event, PayloadDecoder.json())).extracting(Breakage::message)
                    .containsExactly("message %s carries `$.mfaMethod`, unknown to consumer `billing`, whose schema forbids unknown"
                            .formatted(event.position()) + " fields at `$` (additionalProperties: false) — breaks billing");
        }
    }

    /** The auth-events contract run over every event this test captured. */
    private static VerificationReport contractCheck(SitBus bus) {
        return ContractVerifier.of(List.of(AuthEvents.contract().withDestination(bus.destination(AUTH_EVENTS))))
                .verify(bus.capture().messages(bus.destination(AUTH_EVENTS)));
    }

    /** Auth's events and billing's subscriptions both carry the user id. */
    private static Expectations byUser(SitBus bus) {
        return bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.userId")));
    }

    private static Wiring wiring(SitBus bus, SitEnvironment env) {
        return Wiring.of(env.connectionProperties(), bus::destination);
    }

    private static String real(SitBus bus, String address) {
        return bus.destination(address).toString();
    }
}
