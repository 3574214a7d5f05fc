package io.sitkit.redact;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.Secrets;
import io.sitkit.config.SitkitConfig;
import io.sitkit.core.BodyType;
import io.sitkit.core.Destination;
import io.sitkit.core.Header;
import io.sitkit.core.Headers;
import io.sitkit.core.KafkaMetadata;
import io.sitkit.core.Message;
import io.sitkit.core.PropertyType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactorTest {
    private static final String M = Secrets.MASK;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static Message kafka(String key, String payload, Header... headers) {
        return new Message(Destination.kafka("orders"), key == null ? null : utf8(key), Headers.of(headers),
                payload == null ? null : utf8(payload), BodyType.BYTES, null, Instant.parse("2026-01-01T10:00:00Z"),
                new KafkaMetadata(0, 7, "CreateTime", -1));
    }

    @Test
    void aJsonPayloadWithANumberNoExactDecimalHoldsIsRedactedAsTextNotAnException() {
        Redactor r = Redactor.builder().fields("email").secretValues("hunter2").build();
        byte[] payload = "{\"email\": \"ann@example.com\", \"pw\": \"hunter2\", \"n\": 1e123456789012345678901234567890}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(new String(r.payload(payload), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"email\": \"ann@example.com\", \"pw\": \"******\", \"n\": 1e123456789012345678901234567890}");
    }

    @Test
    void secretValuesAreMaskedWhereverTheyOccurInText() {
        Redactor r = Redactor.builder().secretValues("hunter2", "s3cr3t-token").build();

        String shown = r.text("login with hunter2, then s3cr3t-token and hunter2 again");

        assertThat(shown).isEqualTo("login with " + M + ", then " + M + " and " + M + " again");
        assertThat(r.text(null)).isNull();
    }

    @Test
    void aSecretContainingAnotherIsMaskedWhole() {
        Redactor r = Redactor.builder().secretValues("abc", "abcdef").build();

        assertThat(r.text("xabcdefx abcx")).isEqualTo("x" + M + "x " + M + "x");
    }

    @Test
    void evenAOneCharacterSecretIsMasked() {
        Redactor r = Redactor.builder().secretValues("7", "").build();

        assertThat(r.text("pin 7")).isEqualTo("pin " + M);
    }

    @Test
    void secretValuesInsideJsonStringsNumbersAndNamesAreMasked() {
        Redactor r = Redactor.builder().secretValues("hunter2", "424242").build();

        byte[] out = r.payload(utf8("{\"note\":\"pw is hunter2\",\"pin\":424242,\"hunter2\":true,\"n\":1}"));

        assertThat(text(out)).isEqualTo("{\"note\":\"pw is " + M + "\",\"pin\":\"" + M + "\",\"" + M + "\":true,\"n\":1}");
    }

    @Test
    void sensitiveFieldsAreMaskedAtAnyDepthIgnoringCaseWithTheirWholeSubtree() {
        Redactor r = Redactor.builder().fields("password", "SSN").build();
        String json = "{\"user\":{\"Password\":\"x\",\"profile\":{\"ssn\":{\"area\":123,\"serial\":4567}}},"
                + "\"items\":[{\"password\":[1,2]},{\"name\":\"pen\"}],\"name\":\"Ann\"}";

        byte[] out = r.payload(utf8(json));

        assertThat(text(out)).isEqualTo("{\"user\":{\"Password\":\"" + M + "\",\"profile\":{\"ssn\":\"" + M + "\"}},"
                + "\"items\":[{\"password\":\"" + M + "\"},{\"name\":\"pen\"}],\"name\":\"Ann\"}");
    }

    @Test
    void pathsMaskExactlyTheValuesTheyNameIncludingWildcardsAndIndexes() {
        Redactor r = Redactor.builder().paths("$.patient.id", "$.cards[*].number", "$.lines[1]", "$['odd name']").build();
        String json = "{\"patient\":{\"id\":\"P1\",\"name\":\"Ann\"},\"id\":\"keep\",\"cards\":[{\"number\":\"4111\","
                + "\"exp\":\"12/30\"},{\"number\":\"5500\"}],\"lines\":[\"a\",\"b\",\"c\"],\"odd name\":1}";

        byte[] out = r.payload(utf8(json));

        assertThat(text(out)).isEqualTo("{\"patient\":{\"id\":\"" + M + "\",\"name\":\"Ann\"},\"id\":\"keep\",\"cards\":"
                + "[{\"number\":\"" + M + "\",\"exp\":\"12/30\"},{\"number\":\"" + M + "\"}],\"lines\":[\"a\",\"" + M
                + "\",\"c\"],\"odd name\":\"" + M + "\"}");
    }

    @Test
    void aRedactedJsonPayloadKeepsItsNumbersExact() {
        Redactor r = Redactor.builder().fields("ssn").build();

        byte[] out = r.payload(utf8("{\"amount\":1.50,\"big\":123456789012345678901234567890,\"e\":0.1,\"ssn\":\"x\"}"));

        assertThat(text(out)).isEqualTo("{\"amount\":1.50,\"big\":123456789012345678901234567890,\"e\":0.1,\"ssn\":\"" + M + "\"}");
    }

    @Test
    void plainTextPayloadsHaveSecretsReplaced() {
        Redactor r = Redactor.builder().secretValues("hunter2").fields("password").build();

        byte[] out = r.payload(utf8("password=hunter2; user=ann"));

        assertThat(text(out)).isEqualTo("password=" + M + "; user=ann");
    }

    @Test
    void textThatOnlyLooksLikeJsonIsTreatedAsText() {
        Redactor r = Redactor.builder().secretValues("hunter2").build();

        byte[] out = r.payload(utf8("{not json: hunter2"));

        assertThat(text(out)).isEqualTo("{not json: " + M);
    }

    @Test
    void binaryPayloadsHaveTheSecretsUtf8BytesReplaced() {
        Redactor r = Redactor.builder().secretValues("hunter2").build();
        byte[] payload = {0, 1, 'h', 'u', 'n', 't', 'e', 'r', '2', (byte) 0xff};

        byte[] out = r.payload(payload);

        byte[] expected = new byte[3 + M.length()];
        expected[0] = 0;
        expected[1] = 1;
        System.arraycopy(utf8(M), 0, expected, 2, M.length());
        expected[expected.length - 1] = (byte) 0xff;
        assertThat(out).isEqualTo(expected);
    }

    @Test
    void nothingMatchingReturnsTheVeryInstancesPassedIn() {
        Redactor r = Redactor.builder().secretValues("hunter2").fields("ssn").paths("$.card.number").build();
        byte[] json = utf8("{\"id\":1,\"card\":{\"type\":\"visa\"}}");
        byte[] binary = {0, 1, 2};
        Headers headers = Headers.of(Header.of("trace", "abc"));
        Message message = kafka("k1", "{\"id\":1}", Header.of("trace", "abc"));
        String text = "nothing here";

        assertThat(r.payload(json)).isSameAs(json);
        assertThat(r.payload(binary)).isSameAs(binary);
        assertThat(r.headers(headers)).isSameAs(headers);
        assertThat(r.message(message)).isSameAs(message);
        assertThat(r.text(text)).isSameAs(text);
        assertThat(r.payload(null)).isNull();
    }

    @Test
    void anAlreadyMaskedFieldCountsAsUnchanged() {
        Redactor r = Redactor.builder().fields("ssn").build();
        byte[] json = utf8("{\"ssn\":\"" + M + "\"}");

        assertThat(r.payload(json)).isSameAs(json);
    }

    @Test
    void noneLeavesEverythingAloneEvenCredentialHeaders() {
        Message message = kafka("k", "{\"password\":\"x\"}", Header.of("api-token", "t"));

        assertThat(Redactor.none().message(message)).isSameAs(message);
        assertThat(Redactor.none().isEmpty()).isTrue();
        assertThat(Redactor.builder().build()).isSameAs(Redactor.none());
    }

    @Test
    void headersNamedLikeFieldsOrCredentialsAreMaskedAndSecretsInOthersReplaced() {
        Redactor r = Redactor.builder().secretValues("hunter2").fields("pin").build();
        Headers headers = Headers.of(Header.of("x-api-token", "abc"), Header.typed("PIN", 1234),
                Header.of("trace", "user:hunter2"), Header.of("plain", "ok"), Header.of("password", (byte[]) null));

        Headers out = r.headers(headers);

        assertThat(out.asList()).containsExactly(Header.of("x-api-token", M), new Header("PIN", utf8(M), PropertyType.STRING),
                Header.of("trace", "user:" + M), Header.of("plain", "ok"), Header.of("password", (byte[]) null));
    }

    @Test
    void aMessageIsRedactedInKeyHeadersAndPayloadAndTheOriginalIsUntouched() {
        Redactor r = Redactor.builder().secretValues("hunter2").fields("ssn").build();
        Message original = kafka("user-hunter2", "{\"ssn\":\"123\"}", Header.of("auth", "hunter2"));

        Message out = r.message(original);

        assertThat(out.keyText()).contains("user-" + M);
        assertThat(out.headers().lastAsString("auth")).contains(M);
        assertThat(out.payloadText()).contains("{\"ssn\":\"" + M + "\"}");
        assertThat(out.metadata()).isEqualTo(original.metadata());
        assertThat(out.capturedAt()).isEqualTo(original.capturedAt());
        assertThat(original.payloadText()).contains("{\"ssn\":\"123\"}");
    }

    @Test
    void aSensitiveFieldsValueIsMaskedInTheKeyAndHeadersOfTheSameMessage() {
        Redactor r = Redactor.builder().fields("patientId", "insurance").build();
        Message original = kafka("P-7731", "{\"patientId\":\"P-7731\",\"insurance\":{\"policy\":\"ACM-1001\"},\"n\":\"1\"}",
                Header.of("subject", "patient P-7731"), Header.of("policy", "ACM-1001"), Header.of("n", "1"));

        Message out = r.message(original);

        assertThat(out.keyText()).contains(M);
        assertThat(out.headers().lastAsString("subject")).contains("patient " + M);
        assertThat(out.headers().lastAsString("policy")).contains(M);
        assertThat(out.headers().lastAsString("n")).as("not a masked value").contains("1");
        assertThat(out.payloadText()).contains("{\"patientId\":\"" + M + "\",\"insurance\":\"" + M + "\",\"n\":\"1\"}");
        Message unrelated = kafka("P-1", "{\"other\":\"P-1\"}");
        assertThat(r.message(unrelated)).isSameAs(unrelated);
    }

    @Test
    void previewRendersTheRedactedPayloadThroughTheOneFormatter() {
        Redactor r = Redactor.builder().fields("ssn").build();

        assertThat(r.preview(utf8("{\"ssn\":\"123-45-6789\",\"name\":\"Ann\"}"), 14)).isEqualTo("{\"ssn\":\"" + M + "… (29 bytes)");
        assertThat(r.preview(null, 10)).isEqualTo("null");
    }

    @Test
    void toStringCountsSecretValuesButNeverShowsThem() {
        Redactor r = Redactor.builder().secretValues("hunter2", "s3cr3t").fields("ssn").paths("$.card.number").build();

        assertThat(r.toString()).isEqualTo("Redactor{2 secret values, fields=[ssn], paths=[$.card.number]}")
                .doesNotContain("hunter2").doesNotContain("s3cr3t");
        assertThat(Redactor.none()).hasToString("Redactor{none}");
    }

    @Test
    void fromConfigTakesFieldsPathsAndEveryCredentialValue() {
        SitkitConfig config = SitkitConfig.of(Map.of(
                ConfigKeys.REDACT_FIELDS, "ssn, password",
                ConfigKeys.REDACT_PATHS, "$.card.number",
                ConfigKeys.JMS_PASSWORD, "s3cr3t",
                ConfigKeys.JMS_USER, "app",
                "sitkit.kafka.client.sasl.jaas.config", "PlainLoginModule required username=\"u\" password=\"p4ss\";",
                "sitkit.kafka.client.token.enabled", "true"));

        Redactor r = Redactor.from(config);

        assertThat(r.text("app s3cr3t p4ss true")).isEqualTo("app " + M + " " + M + " true");
        assertThat(text(r.payload(utf8("{\"SSN\":1,\"card\":{\"number\":\"4111\"},\"ok\":true}"))))
                .isEqualTo("{\"SSN\":\"" + M + "\",\"card\":{\"number\":\"" + M + "\"},\"ok\":true}");
        assertThat(r.toString()).isEqualTo("Redactor{3 secret values, fields=[password, ssn], paths=[$.card.number]}");
    }

    @Test
    void withMasksWhatEitherRedactorMasks() {
        Redactor a = Redactor.builder().secretValues("hunter2").fields("ssn").build();
        Redactor b = Redactor.builder().secretValues("s3cr3t").paths("$.card.number").build();

        Redactor both = a.with(b);

        assertThat(both.text("hunter2 s3cr3t")).isEqualTo(M + " " + M);
        assertThat(both).hasToString("Redactor{2 secret values, fields=[ssn], paths=[$.card.number]}");
        assertThat(a.with(Redactor.none())).isSameAs(a);
        assertThat(Redactor.none().with(b)).isSameAs(b);
    }

    @Test
    void anUnsupportedPathIsRejectedNamingItAndTheAcceptedForms() {
        assertThatThrownBy(() -> Redactor.builder().paths("$.cards[x].number"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'$.cards[x].number' is not a supported redact path: '[x]' at index 7 is neither [*], a quoted"
                        + " name nor an index >= 0; use forms like $.patient.id, $.cards[*].number, $.items[0].sku or $['odd name']");
        assertThatThrownBy(() -> Redactor.builder().paths("patient.id"))
                .hasMessageStartingWith("'patient.id' is not a supported redact path: it must start with '$'");
    }

    @Test
    void blankFieldNamesAndNullSecretsAreRejected() {
        assertThatThrownBy(() -> Redactor.builder().fields(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("redact field name is blank: ' '");
        assertThatThrownBy(() -> Redactor.builder().secretValues("a", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret value #1 is null; pass only values that are set");
    }

    @Test
    void conditionsOnSensitiveFieldsOrPathsHaveTheirExpectedValuesMasked() {
        Redactor r = Redactor.builder().fields("patientId", "ssn").paths("$.card.number").secretValues("hunter2").build();

        String shown = r.conditions("""
                expected a message matching $.type == "RecordCreated" and $.patientId == "P-7731" and $..ssn matches /\\d{3}-\\d{2}-\\d{4}/
                  FAIL $['patientId'] != "P-7731": was "******"
                  FAIL $.card.number contains "4111": missing
                  FAIL $.card.numbers == 42: missing
                  FAIL $.visit.patientid > 7731 and $.note == "hunter2\"""");

        assertThat(shown).isEqualTo("""
                expected a message matching $.type == "RecordCreated" and $.patientId == "******" and $..ssn matches ******
                  FAIL $['patientId'] != "******": was "******"
                  FAIL $.card.number contains "******": missing
                  FAIL $.card.numbers == 42: missing
                  FAIL $.visit.patientid > ****** and $.note == "******\"""");
    }

    @Test
    void conditionsAreOnlySecretMaskedWithoutFieldsOrPaths() {
        Redactor r = Redactor.builder().secretValues("hunter2").build();

        assertThat(r.conditions("$.patientId == \"P-1\" and $.password == \"hunter2\""))
                .isEqualTo("$.patientId == \"P-1\" and $.password == \"" + M + "\"");
        assertThat(Redactor.none().conditions(null)).isNull();
    }
}
