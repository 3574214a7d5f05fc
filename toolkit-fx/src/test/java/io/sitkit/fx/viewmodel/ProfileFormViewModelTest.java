package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.JmsProviders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The new-profile form for JMS providers named by class or found through JNDI, without a Stage. */
class ProfileFormViewModelTest {
    private static ProfileFormViewModel jms(String provider) {
        ProfileFormViewModel f = new ProfileFormViewModel();
        f.nameProperty().set("mq");
        f.kindProperty().set(ConnectionProfile.Kind.JMS);
        f.jmsProviderProperty().set(provider);
        return f;
    }

    @Test
    void a_jndi_profile_keeps_its_context_properties_and_a_credential_among_the_secrets() {
        ProfileFormViewModel f = jms("jndi");
        f.jndiNameProperty().set(" ConnectionFactory ");
        f.jndiPropertiesProperty().set("""
                # ActiveMQ's own JNDI
                java.naming.factory.initial = org.apache.activemq.jndi.ActiveMQInitialContextFactory
                java.naming.provider.url=tcp://mq:61616
                java.naming.security.credentials=s3cret
                """);
        f.clientJarsProperty().set("/opt/mq/client.jar;/opt/mq/deps.jar");

        ConnectionProfile p = f.build();

        assertThat(p.settings()).containsEntry(JmsProviders.JNDI_NAME, "ConnectionFactory")
                .containsEntry("sitkit.fx.jms.jndi.java.naming.factory.initial", "org.apache.activemq.jndi.ActiveMQInitialContextFactory")
                .containsEntry("sitkit.fx.jms.jndi.java.naming.provider.url", "tcp://mq:61616")
                .containsEntry(JmsProviders.CLIENT_JARS, "/opt/mq/client.jar;/opt/mq/deps.jar")
                .doesNotContainValue("s3cret");
        assertThat(p.secrets()).containsEntry("sitkit.fx.jms.jndi.java.naming.security.credentials", "s3cret");
        assertThat(p.address()).isEqualTo("JNDI ConnectionFactory");
        assertThat(p.toString()).doesNotContain("s3cret");
    }

    @Test
    void a_factory_class_profile_is_made_with_the_url_and_a_missing_field_is_named() {
        ProfileFormViewModel f = jms("class");
        f.jmsUrlProperty().set("tcp://mq:61616");

        assertThatThrownBy(f::build).hasMessage("name the provider's ConnectionFactory class (e.g. com.example.jms.ExampleConnectionFactory)");
        f.factoryClassProperty().set("org.apache.activemq.ActiveMQConnectionFactory");
        assertThat(f.build().settings()).containsEntry("sitkit.jms.connection-factory", "org.apache.activemq.ActiveMQConnectionFactory")
                .containsEntry("sitkit.jms.url", "tcp://mq:61616").doesNotContainKey(JmsProviders.CLIENT_JARS);

        ProfileFormViewModel j = jms("jndi");
        assertThatThrownBy(j::build).hasMessage("give the JNDI name the connection factory is bound to (e.g. ConnectionFactory)");
        j.jndiNameProperty().set("cf");
        j.jndiPropertiesProperty().set("java.naming.factory.initial");
        assertThatThrownBy(j::build).hasMessage("JNDI property line 1 'java.naming.factory.initial' is not property=value");
        assertThatThrownBy(jms("activemq")::build).hasMessage("a JMS profile needs the broker URL (tcp://host:61616)");
    }
}
