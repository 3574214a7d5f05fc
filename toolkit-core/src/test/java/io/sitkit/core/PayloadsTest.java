package io.sitkit.core;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PayloadsTest {

    @Test
    void printableUtf8IsShownAsText() {
        assertThat(Payloads.preview("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 80)).isEqualTo("{\"a\":1}");
        assertThat(Payloads.preview("Zoë ✓".getBytes(StandardCharsets.UTF_8), 80)).isEqualTo("Zoë ✓");
    }

    @Test
    void binaryIsShownAsHex() {
        assertThat(Payloads.preview(new byte[] {0, 1, (byte) 0xff}, 80)).isEqualTo("0x0001ff");
    }

    @Test
    void longPayloadsAreCutWithTheirSize() {
        byte[] big = "x".repeat(1_048_576).getBytes(StandardCharsets.UTF_8);
        assertThat(Payloads.preview(big, 10)).isEqualTo("xxxxxxxxxx… (1048576 bytes)");
        byte[] bin = new byte[100];
        assertThat(Payloads.preview(bin, 10)).isEqualTo("0x00000000… (100 bytes)");
    }

    @Test
    void nullAndEmptyAreNamed() {
        assertThat(Payloads.preview(null, 10)).isEqualTo("null");
        assertThat(Payloads.preview(new byte[0], 10)).isEqualTo("(empty)");
    }

    @Test
    void aCutThroughAMultiByteCharacterStillShowsText() {
        byte[] b = "ééééééééééééééééééééééééééééééé".getBytes(StandardCharsets.UTF_8);
        assertThat(Payloads.preview(b, 5)).startsWith("ééééé…");
    }
}
