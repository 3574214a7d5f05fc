package io.sitkit.env;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link DockerProbe#local()}: finds the engine's address the way the docker CLI does, in order
 * ({@code DOCKER_HOST}, {@code docker.host} in {@code ~/.testcontainers.properties}, the current
 * docker context, the usual sockets), then connects to it once (TCP with a 300 ms connect timeout).
 * Reads files only; never runs a process.
 */
final class LocalDockerProbe implements DockerProbe {
    private static final int TCP_CONNECT_TIMEOUT_MS = 300;
    private static final Pattern CURRENT_CONTEXT = Pattern.compile("\"currentContext\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern HOST = Pattern.compile("\"Host\"\\s*:\\s*\"([^\"]+)\"");

    private final UnaryOperator<String> env;
    private final Path home;

    LocalDockerProbe(UnaryOperator<String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    @Override
    public Answer probe() {
        String dockerHost = env.apply("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return reach(dockerHost.trim(), "DOCKER_HOST");
        }
        Optional<String> fromProperties = testcontainersProperty();
        if (fromProperties.isPresent()) {
            return reach(fromProperties.get(), "docker.host in ~/.testcontainers.properties");
        }
        Optional<String> fromContext = currentContextHost();
        if (fromContext.isPresent()) {
            return reach(fromContext.get(), "the current docker context");
        }
        List<String> tried = new ArrayList<>();
        for (Path socket : usualSockets()) {
            if (Files.exists(socket)) {
                Answer answer = reach("unix://" + socket, "socket");
                if (answer.present()) {
                    return answer;
                }
                tried.add(answer.detail());
            } else {
                tried.add("no " + socket);
            }
        }
        return new Answer(false, "DOCKER_HOST unset, no docker.host in ~/.testcontainers.properties, no docker context, "
                + String.join(", ", tried));
    }

    private List<Path> usualSockets() {
        List<Path> sockets = new ArrayList<>();
        sockets.add(Path.of("/var/run/docker.sock"));
        String runtime = env.apply("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman", "podman.sock"));
        }
        sockets.add(home.resolve(".docker/run/docker.sock"));
        sockets.add(home.resolve(".docker/desktop/docker.sock"));
        sockets.add(home.resolve(".colima/default/docker.sock"));
        sockets.add(home.resolve(".rd/docker.sock"));
        return sockets;
    }

    private Answer reach(String address, String source) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            return new Answer(false, source + " = '" + address + "' is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        switch (scheme) {
            case "unix" -> {
                Path socket = Path.of(uri.getPath());
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(socket));
                    return new Answer(true, "unix://" + socket + " (from " + source + ")");
                } catch (IOException | RuntimeException e) {
                    return new Answer(false, "nothing answers on " + socket + " (from " + source + "): " + e.getMessage());
                }
            }
            case "tcp", "http", "https" -> {
                int port = uri.getPort() > 0 ? uri.getPort() : 2375;
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(uri.getHost(), port), TCP_CONNECT_TIMEOUT_MS);
                    return new Answer(true, address + " (from " + source + ")");
                } catch (IOException | RuntimeException e) {
                    return new Answer(false, "nothing answers at " + address + " within " + TCP_CONNECT_TIMEOUT_MS
                            + " ms (from " + source + "): " + e.getMessage());
                }
            }
            default -> {
                // ssh:// and npipe:// are left to Testcontainers; checking them here would not be quick
                return new Answer(true, address + " (from " + source + ", not checked)");
            }
        }
    }

    private Optional<String> testcontainersProperty() {
        Path file = home.resolve(".testcontainers.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        java.util.Properties properties = new java.util.Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty("docker.host")).filter(s -> !s.isBlank());
    }

    private Optional<String> currentContextHost() {
        String name = env.apply("DOCKER_CONTEXT");
        if (name == null || name.isBlank()) {
            name = read(home.resolve(".docker/config.json")).flatMap(json -> first(CURRENT_CONTEXT, json)).orElse(null);
        }
        if (name == null || name.equals("default")) {
            return Optional.empty();
        }
        return read(home.resolve(".docker/contexts/meta").resolve(sha256(name)).resolve("meta.json"))
                .flatMap(json -> first(HOST, json));
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
