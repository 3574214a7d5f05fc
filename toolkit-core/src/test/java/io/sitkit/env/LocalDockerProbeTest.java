package io.sitkit.env;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDockerProbeTest {
    @TempDir
    Path home;

    private DockerProbe.Answer probe(Map<String, String> env) {
        return new LocalDockerProbe(env::get, home).probe();
    }

    @Test
    void with_nothing_configured_and_no_socket_it_says_what_it_checked() {
        DockerProbe.Answer answer = probe(Map.of());

        assertThat(answer.present()).isFalse();
        assertThat(answer.detail()).startsWith("DOCKER_HOST unset, no docker.host in ~/.testcontainers.properties, no docker context, ")
                .contains("no " + home.resolve(".docker/run/docker.sock"));
    }

    @Test
    void a_unix_socket_named_by_docker_host_that_accepts_counts_as_docker() throws IOException {
        Path socket = home.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            DockerProbe.Answer answer = probe(Map.of("DOCKER_HOST", "unix://" + socket));

            assertThat(answer).isEqualTo(new DockerProbe.Answer(true, "unix://" + socket + " (from DOCKER_HOST)"));
        }
    }

    @Test
    void a_socket_file_nobody_listens_on_is_no_docker() throws IOException {
        Path socket = home.resolve("stale.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
        }
        assertThat(socket).exists();

        DockerProbe.Answer answer = probe(Map.of("DOCKER_HOST", "unix://" + socket));

        assertThat(answer.present()).isFalse();
        assertThat(answer.detail()).startsWith("nothing answers on " + socket + " (from DOCKER_HOST): ");
    }

    @Test
    void a_tcp_docker_host_is_present_while_it_accepts_and_absent_once_closed() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = server.getLocalPort();
            assertThat(probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port)))
                    .isEqualTo(new DockerProbe.Answer(true, "tcp://127.0.0.1:" + port + " (from DOCKER_HOST)"));
        }
        DockerProbe.Answer closed = probe(Map.of("DOCKER_HOST", "tcp://127.0.0.1:" + port));

        assertThat(closed.present()).isFalse();
        assertThat(closed.detail()).startsWith("nothing answers at tcp://127.0.0.1:" + port + " within 300 ms (from DOCKER_HOST): ");
    }

    @Test
    void the_current_docker_context_is_followed_to_its_endpoint() throws Exception {
        Path socket = home.resolve("ctx.sock");
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("colima".getBytes(StandardCharsets.UTF_8)));
        Files.createDirectories(home.resolve(".docker/contexts/meta").resolve(digest));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{},\"currentContext\": \"colima\"}");
        Files.writeString(home.resolve(".docker/contexts/meta").resolve(digest).resolve("meta.json"),
                "{\"Name\":\"colima\",\"Endpoints\":{\"docker\":{\"Host\":\"unix://" + socket + "\",\"SkipTLSVerify\":false}}}");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));

            assertThat(probe(Map.of())).isEqualTo(new DockerProbe.Answer(true, "unix://" + socket + " (from the current docker context)"));
        }
    }

    @Test
    void docker_host_in_testcontainers_properties_is_used_when_the_variable_is_unset() throws IOException {
        Files.writeString(home.resolve(".testcontainers.properties"), "docker.host=tcp://127.0.0.1:1\n");

        DockerProbe.Answer answer = probe(Map.of());

        assertThat(answer.present()).isFalse();
        assertThat(answer.detail()).startsWith("nothing answers at tcp://127.0.0.1:1 within 300 ms (from docker.host in ~/.testcontainers.properties): ");
    }

    @Test
    void remote_schemes_it_cannot_check_quickly_are_left_to_testcontainers() {
        assertThat(probe(Map.of("DOCKER_HOST", "ssh://builder@example.invalid")))
                .isEqualTo(new DockerProbe.Answer(true, "ssh://builder@example.invalid (from DOCKER_HOST, not checked)"));
    }
}
