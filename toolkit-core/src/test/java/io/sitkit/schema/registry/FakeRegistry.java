package io.sitkit.schema.registry;

import com.sun.net.httpserver.HttpServer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Stands in for an Apicurio runner jar in {@link LocalSchemaRegistryTest}; the jar's name says what
 * it does: {@code exits-runner.jar} fails at once, {@code silent-runner.jar} never answers,
 * {@code serves-runner.jar} answers the Confluent subjects call on the host and port it is given
 * and starts a child process of its own (so stopping the tree can be checked).
 */
public final class FakeRegistry {
    private FakeRegistry() {
    }

    public static void main(String[] args) throws Exception {
        String mode = System.getProperty("fake.mode", jarName().replace("-runner.jar", ""));
        switch (mode) {
            case "exits" -> {
                System.out.println("fake registry: cannot open storage");
                System.exit(3);
            }
            case "silent", "child" -> {
                System.out.println("fake registry: never ready");
                new CountDownLatch(1).await(); // until destroyed
            }
            case "serves" -> {
                String host = System.getProperty("quarkus.http.host");
                int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
                new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dfake.mode=child",
                        "-cp", Path.of(FakeRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                        FakeRegistry.class.getName()).inheritIO().start();
                HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
                server.createContext("/apis/ccompat/v7/subjects", exchange -> {
                    byte[] body = "[]".getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                System.out.println("fake registry: serving on " + host + ":" + port);
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static String jarName() throws Exception {
        return Path.of(FakeRegistry.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
