package io.sitkit.fx.service;

import io.sitkit.core.Destination;
import io.sitkit.core.OutgoingMessage;
import io.sitkit.fx.SharedSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JMS profiles of any provider: ActiveMQ reached by naming its own ConnectionFactory class, through
 * its JNDI InitialContextFactory, and through a factory class that exists only in a client jar of
 * the profile; and the errors that say what to fix.
 */
@ExtendWith(SharedSandbox.class)
class JmsProvidersIT {
    private static final String ACTIVEMQ_FACTORY = "org.apache.activemq.ActiveMQConnectionFactory";
    private static final String ACTIVEMQ_JNDI = "org.apache.activemq.jndi.ActiveMQInitialContextFactory";

    private static String url(Connection shared) {
        return shared.environment().jmsBrokerUrl().orElseThrow();
    }

    /** Sends through the profile's connection and browses the queue back through it. */
    private static String roundTrip(ConnectionProfile profile, Path dir, String queue) {
        try (Connection c = Connection.open(profile, dir.resolve("audit.jsonl"))) {
            c.bus().publish(OutgoingMessage.text("jms:queue:" + queue, "{\"via\":\"" + profile.name() + "\"}"));
            return new MessageBrowser(c, PayloadDecoding.using(Optional.empty()))
                    .open(Destination.jmsQueue(queue), PagePosition.beginning(), 5, DecoderChoice.AUTO).rows().get(0).preview();
        }
    }

    @Test
    void activemq_is_reached_by_naming_its_connection_factory_class(Connection shared, @TempDir Path dir) {
        ConnectionProfile p = ConnectionProfile.jmsFactory("by class", ACTIVEMQ_FACTORY, url(shared), null);

        assertThat(roundTrip(p, dir, "jmsp-class")).isEqualTo("{\"via\":\"by class\"}");
        assertThat(p.address()).isEqualTo(url(shared));
    }

    @Test
    void activemq_is_reached_through_its_jndi_initial_context_factory(Connection shared, @TempDir Path dir) {
        ConnectionProfile p = ConnectionProfile.jmsJndi("by JNDI", "ConnectionFactory",
                Map.of("java.naming.factory.initial", ACTIVEMQ_JNDI, "java.naming.provider.url", url(shared)), null);

        assertThat(roundTrip(p, dir, "jmsp-jndi")).isEqualTo("{\"via\":\"by JNDI\"}");
        assertThat(p.address()).isEqualTo("JNDI ConnectionFactory");
        assertThat(p.settings()).containsEntry("sitkit.fx.jms.jndi.java.naming.provider.url", url(shared));
    }

    @Test
    void a_factory_class_only_in_the_profiles_client_jar_is_loaded_from_it(Connection shared, @TempDir Path dir) throws Exception {
        Path jar = clientJar(dir);
        ConnectionProfile p = ConnectionProfile.jmsFactory("from a jar", "acme.AcmeConnectionFactory", url(shared), null).withClientJars(List.of(jar));

        assertThatThrownBy(() -> Class.forName("acme.AcmeConnectionFactory")).isInstanceOf(ClassNotFoundException.class);
        assertThat(roundTrip(p, dir, "jmsp-jar")).isEqualTo("{\"via\":\"from a jar\"}");
    }

    @Test
    void a_wrong_class_jar_or_jndi_setting_says_what_to_fix(Connection shared, @TempDir Path dir) {
        String url = url(shared);
        Path audit = dir.resolve("audit.jsonl");

        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsFactory("x", "com.example.NoSuchFactory", url, null), audit))
                .hasMessage("JMS connection factory class com.example.NoSuchFactory is not on the class path; add the provider's client jar to the profile");
        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsFactory("x", "com.example.NoSuchFactory", url, null)
                .withClientJars(List.of(dir.resolve("missing.jar"))), audit))
                .hasMessage("JMS client jar " + dir.resolve("missing.jar") + " does not exist; fix the profile's client jars");
        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsFactory("x", "java.lang.String", url, null), audit))
                .hasMessage("java.lang.String is not a jakarta.jms.ConnectionFactory");
        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsJndi("x", "ConnectionFactory", Map.of("java.naming.provider.url", url), null), audit))
                .hasMessage("the JNDI properties need java.naming.factory.initial, the provider's InitialContextFactory class");
        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsJndi("x", "ConnectionFactory",
                Map.of("java.naming.factory.initial", "com.example.NoSuchContextFactory"), null), audit))
                .hasMessage("JNDI lookup of 'ConnectionFactory' (java.naming.factory.initial = com.example.NoSuchContextFactory) failed:"
                        + " InitialContextFactory class com.example.NoSuchContextFactory is not on the class path; add the provider's client jar to the profile");
        assertThatThrownBy(() -> Connection.open(ConnectionProfile.jmsJndi("x", "queue/nothing",
                Map.of("java.naming.factory.initial", ACTIVEMQ_JNDI, "java.naming.provider.url", url), null), audit))
                .hasMessage("JNDI lookup of 'queue/nothing' (java.naming.factory.initial = " + ACTIVEMQ_JNDI + ") failed:"
                        + " NameNotFoundException: queue/nothing");
    }

    /** A jar holding {@code acme.AcmeConnectionFactory}, an ActiveMQ factory by another name that no class path has. */
    private static Path clientJar(Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/acme")).resolve("AcmeConnectionFactory.java");
        Files.writeString(src, "package acme;\npublic class AcmeConnectionFactory extends " + ACTIVEMQ_FACTORY + " {\n"
                + "    public AcmeConnectionFactory(String url) { super(url); }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(rc).as("javac of the test client jar's class").isZero();
        Path jar = dir.resolve("acme-jms-client.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("acme/AcmeConnectionFactory.class"));
            j.write(Files.readAllBytes(classes.resolve("acme/AcmeConnectionFactory.class")));
            j.closeEntry();
        }
        return jar;
    }
}
