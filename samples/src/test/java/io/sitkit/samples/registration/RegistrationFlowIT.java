package io.sitkit.samples.registration;

import io.sitkit.contract.Contract;
import io.sitkit.contract.ContractVerifier;
import io.sitkit.contract.Contracts;
import io.sitkit.contract.VerificationReport;
import io.sitkit.core.Message;
import io.sitkit.correlate.CorrelationRules;
import io.sitkit.correlate.KeySource;
import io.sitkit.junit.Deep;
import io.sitkit.junit.SitBus;
import io.sitkit.junit.SitEnvironment;
import io.sitkit.junit.SitTest;
import io.sitkit.junit.Smoke;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.sitkit.expect.Count.atLeast;
import static io.sitkit.junit.assertions.SitAssertions.assertThat;
import static io.sitkit.match.Matchers.allOf;
import static io.sitkit.match.Matchers.anyMessage;
import static io.sitkit.match.Matchers.jsonPath;
import static io.sitkit.samples.registration.Registration.EMAIL_REQUESTS;
import static io.sitkit.samples.registration.Registration.FAILED;
import static io.sitkit.samples.registration.Registration.OUTBOX;
import static io.sitkit.samples.registration.Registration.REGISTERED;
import static io.sitkit.samples.registration.Registration.REPLIES;
import static io.sitkit.samples.registration.Registration.REQUESTS;
import static io.sitkit.samples.registration.Registration.answer;
import static io.sitkit.samples.registration.Registration.register;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

/**
 * Big-bang: registration, authentication and e-mail all run; each test signs users up the way the
 * web front end does and follows them to the activation mail in the SMTP outbox.
 */
@SitTest(observe = {REQUESTS, REPLIES, REGISTERED, EMAIL_REQUESTS, OUTBOX, FAILED})
class RegistrationFlowIT {
    static final String ACTIVATE = "https://sitkit.example/activate?user=";
    private RegistrationSystem system;

    @BeforeEach
    void startTheServices(SitBus bus, SitEnvironment env) {
        system = Registration.start(bus, env, Set.of());
    }

    @AfterEach
    void stopTheServices(SitBus bus) {
        system.close();
        Registration.assertNoPollThreadsLeftOn(bus, REGISTERED);
    }

    @Smoke
    @Test
    void a_new_user_gets_an_activation_email(SitBus bus) {
        register(bus, "r-1", "ann", "ann@example.test");

        assertThat(answer(bus, "r-1")).hasJsonPath("$.status", "ACCEPTED").hasJsonPath("$.userId", "u-1");
        bus.expect().withCorrelation(CorrelationRules.byDefault(KeySource.jsonPath("$.username"))).expectFlow("ann")
                .through(Registration.real(bus, REQUESTS, REGISTERED, EMAIL_REQUESTS, OUTBOX))
                .hopWithin(1, ofSeconds(1)).hopWithin(3, ofSeconds(1)) // JMS hops; hop 2 includes the Kafka consumer's start
                .within(ofSeconds(10));
        Message mail = bus.expect(OUTBOX).message(jsonPath("$.userId").isEqualTo("u-1")).within(ofSeconds(1));
        assertThat(mail).hasCorrelationId("u-1").hasJsonPath("$.to", "ann@example.test")
                .hasJsonPath("$.subject", "Activate your account, ann")
                .hasJsonPath("$.html", "<p>Hello ann,</p><p><a href=\"" + ACTIVATE + "ann&amp;token=" + tokenOf(mail)
                        + "\">Activate your account</a></p>");
    }

    @Deep
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            o'brien                   | o&#39;brien                                | o%27brien
            `"quoted"`                | &quot;quoted&quot;                         | %22quoted%22
            ann+test                  | ann+test                                   | ann%2Btest
            jürgen                    | jürgen                                     | j%C3%BCrgen
            sam 😀                    | sam 😀                                     | sam+%F0%9F%98%80
            <script>alert(1)</script> | &lt;script&gt;alert(1)&lt;/script&gt;      | %3Cscript%3Ealert%281%29%3C%2Fscript%3E
            名前                      | 名前                                       | %E5%90%8D%E5%89%8D
            """)
    void special_characters_in_a_username_reach_the_email_intact(String username, String inHtml, String inLink, SitBus bus) {
        register(bus, "r-1", username, "someone@example.test");

        assertThat(answer(bus, "r-1")).hasJsonPath("$.status", "ACCEPTED");
        Message mail = bus.expect(OUTBOX).message(jsonPath("$.username").isEqualTo(username)).within(ofSeconds(10));
        assertThat(mail).hasJsonPath("$.subject", "Activate your account, " + username)
                .hasJsonPath("$.html", "<p>Hello " + inHtml + ",</p><p><a href=\"" + ACTIVATE + inLink + "&amp;token="
                        + tokenOf(mail) + "\">Activate your account</a></p>");
        bus.expect(FAILED).noMessage(anyMessage()).within(ofMillis(0));
    }

    @Deep
    @Test
    void a_username_that_is_taken_is_rejected_and_sends_no_second_email(SitBus bus) {
        register(bus, "r-1", "Ann", "ann@example.test");
        assertThat(answer(bus, "r-1")).hasJsonPath("$.status", "ACCEPTED");
        register(bus, "r-2", "ann", "other@example.test");

        assertThat(answer(bus, "r-2")).hasJsonPath("$.status", "REJECTED").hasJsonPath("$.reason", "USERNAME_TAKEN");
        bus.expect(REGISTERED).noMessage(jsonPath("$.email").isEqualTo("other@example.test")).within(ofMillis(300));
        bus.expect(OUTBOX).noMessage(jsonPath("$.to").isEqualTo("other@example.test")).within(ofMillis(300));
    }

    @Deep
    @Test
    void a_username_that_differs_only_in_how_its_accent_is_encoded_is_the_same_name(SitBus bus) {
        register(bus, "r-1", "j\u00fcrgen", "j1@example.test");   // ü as one code point (NFC)
        register(bus, "r-2", "ju\u0308rgen", "j2@example.test");  // u + combining diaeresis (NFD)

        assertThat(answer(bus, "r-1")).hasJsonPath("$.status", "ACCEPTED");
        assertThat(answer(bus, "r-2")).hasJsonPath("$.status", "REJECTED").hasJsonPath("$.reason", "USERNAME_TAKEN");
    }

    @Deep
    @Test
    void every_email_request_conforms_to_the_contract_the_email_service_reads(SitBus bus) {
        List<String> names = List.of("o'brien", "ann+test", "jürgen", "<b>bold</b>");
        for (int i = 0; i < names.size(); i++) {
            register(bus, "r-" + i, names.get(i), "user" + i + "@example.test");
        }
        bus.expect(EMAIL_REQUESTS).messages(anyMessage()).count(atLeast(names.size())).within(ofSeconds(10));

        Contract contract = Contracts.loadOne(Path.of("src/test/resources/contracts/registration/email-requests.yaml"));
        VerificationReport report = ContractVerifier.of(List.of(contract.withDestination(bus.destination(EMAIL_REQUESTS))))
                .verify(bus.capture().messages());
        assertThat(report).hasNoViolations();
        org.assertj.core.api.Assertions.assertThat(report.checked()).containsEntry("email-requests", names.size());
    }

    /** The activation token in the mail's link. */
    private static String tokenOf(Message mail) {
        String html = mail.payloadJson().get("html").asText();
        return html.replaceAll(".*&amp;token=([0-9a-f]+)\".*", "$1");
    }
}
