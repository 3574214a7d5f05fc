package io.sitkit.env;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Answers "is a Docker engine reachable here?" quickly, without Testcontainers' own strategy
 * probing. {@link #local()} looks at {@code DOCKER_HOST}, {@code ~/.testcontainers.properties},
 * the current {@code docker context} and the usual sockets, and connects to what it finds;
 * {@link #within(Duration)} bounds any probe's answer in time. Tests inject their own.
 *
 * <pre>{@code
 * DockerProbe.Answer answer = DockerProbe.local().within(Duration.ofMillis(800)).probe();
 * if (!answer.present()) System.out.println(answer.detail());
 * }</pre>
 *
 * <p>Thread-safety: implementations are stateless or thread-safe.
 */
@FunctionalInterface
public interface DockerProbe {

    /** Probes once. */
    Answer probe();

    /**
     * What a probe found.
     *
     * @param present whether an engine answered
     * @param detail  where it answered ({@code unix:///var/run/docker.sock}), or what was checked and found wanting
     */
    record Answer(boolean present, String detail) {
        public Answer {
            Objects.requireNonNull(detail, "detail");
            if (detail.isBlank()) {
                throw new IllegalArgumentException("detail must say where Docker answered or what was checked; it is blank");
            }
        }
    }

    /** The probe of this machine: environment variables, config files, sockets. */
    static DockerProbe local() {
        return new LocalDockerProbe(System::getenv, java.nio.file.Path.of(System.getProperty("user.home", "/")));
    }

    /**
     * This probe, answering "absent" when it has not answered within {@code bound} (it runs on a
     * daemon thread, left to finish on its own when late).
     */
    default DockerProbe within(Duration bound) {
        if (bound.isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("the Docker check's bound must be positive: " + bound);
        }
        DockerProbe self = this;
        return () -> {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    answer.complete(self.probe());
                } catch (RuntimeException | Error e) {
                    answer.completeExceptionally(e);
                }
            }, "sitkit-docker-probe");
            t.setDaemon(true);
            t.start();
            try {
                return answer.get(bound.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return new Answer(false, "the Docker check did not answer within " + bound.toMillis() + " ms");
            } catch (ExecutionException e) {
                return new Answer(false, "the Docker check failed: " + e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(false, "the Docker check was interrupted");
            }
        };
    }
}
