package io.sitkit.jms;

import io.sitkit.core.Destination;
import io.sitkit.core.DestinationInfo;
import io.sitkit.core.SitkitException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lists destinations of an ActiveMQ Artemis broker through its management address
 * ({@code activemq.management}) with the client's own {@code JMSManagementHelper}, called
 * reflectively so sitkit needs no Artemis classes unless the user has them. Needs a user allowed to
 * manage the broker.
 *
 * <p>Thread-safety: stateless; each call uses its own session.
 */
final class ArtemisManagement {
    private static final String HELPER = "org.apache.activemq.artemis.api.jms.management.JMSManagementHelper";

    private ArtemisManagement() {
    }

    static boolean isArtemis(jakarta.jms.Connection c) {
        return c.getClass().getName().startsWith("org.apache.activemq.artemis.");
    }

    static List<DestinationInfo> list(JmsClient client, JmsSettings settings) {
        String what = "listing destinations through Artemis management";
        try (Session s = client.connection(what).createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            Class<?> helper = Class.forName(HELPER, true, s.getClass().getClassLoader());
            Requestor r = new Requestor(s, helper, settings, what);
            try {
                List<DestinationInfo> out = new ArrayList<>();
                for (Object q : array(r.operation("broker", "getQueueNames", "ANYCAST"))) {
                    String name = String.valueOf(q);
                    if (internal(name)) {
                        continue;
                    }
                    long depth = ((Number) r.attribute("queue." + name, "messageCount")).longValue();
                    out.add(new DestinationInfo(Destination.jmsQueue(name), 0, depth, Map.of(),
                            name.equals("DLQ") || name.startsWith("DLQ.")));
                }
                for (Object a : array(r.operation("broker", "getAddressNames"))) {
                    String name = String.valueOf(a);
                    if (internal(name)) {
                        continue;
                    }
                    Object[] types = array(r.attribute("address." + name, "routingTypes"));
                    if (Arrays.stream(types).anyMatch(t -> "MULTICAST".equals(String.valueOf(t)))) {
                        out.add(new DestinationInfo(Destination.jmsTopic(name), 0, -1, Map.of(), false));
                    }
                }
                out.sort(Comparator.comparing(i -> i.destination().toString()));
                return out;
            } finally {
                r.close();
            }
        } catch (ClassNotFoundException e) {
            throw new SitkitException(what + ": the Artemis client's management helper is not on the classpath", e);
        } catch (JMSException e) {
            throw client.translate(e, what);
        }
    }

    private static boolean internal(String name) {
        return name.startsWith("activemq.") || name.startsWith("$") || name.startsWith(JmsSettings.DEFAULT_MIRROR_PREFIX);
    }

    private static Object[] array(Object o) {
        if (o instanceof Object[] a) {
            return a.length == 1 && a[0] instanceof Object[] inner ? inner : a;
        }
        return o == null ? new Object[0] : new Object[] {o};
    }

    /** Request/reply on the management address over one temporary queue. */
    private static final class Requestor {
        private final Session session;
        private final Class<?> helper;
        private final JmsSettings settings;
        private final String what;
        private final TemporaryQueue replies;
        private final MessageConsumer consumer;
        private final MessageProducer producer;

        Requestor(Session session, Class<?> helper, JmsSettings settings, String what) throws JMSException {
            this.session = session;
            this.helper = helper;
            this.settings = settings;
            this.what = what;
            this.replies = session.createTemporaryQueue();
            this.consumer = session.createConsumer(replies);
            this.producer = session.createProducer(session.createQueue("activemq.management"));
        }

        Object operation(String resource, String operation, Object... params) throws JMSException {
            jakarta.jms.Message m = session.createMessage();
            call("putOperationInvocation", new Class<?>[] {jakarta.jms.Message.class, String.class, String.class, Object[].class},
                    m, resource, operation, params);
            return send(m, resource + "." + operation);
        }

        Object attribute(String resource, String attribute) throws JMSException {
            jakarta.jms.Message m = session.createMessage();
            call("putAttribute", new Class<?>[] {jakarta.jms.Message.class, String.class, String.class}, m, resource, attribute);
            return send(m, resource + "." + attribute);
        }

        private Object send(jakarta.jms.Message m, String asked) throws JMSException {
            m.setJMSReplyTo(replies);
            producer.send(m);
            jakarta.jms.Message reply = consumer.receive(settings.timeout().toMillis());
            if (reply == null) {
                throw new SitkitException(what + ": no answer to " + asked + " within " + settings.timeout());
            }
            if (!(Boolean) call("hasOperationSucceeded", new Class<?>[] {jakarta.jms.Message.class}, reply)) {
                throw new SitkitException(what + ": the broker refused " + asked + ": "
                        + call("getResult", new Class<?>[] {jakarta.jms.Message.class}, reply)
                        + " (the user needs the manage permission)");
            }
            return call("getResult", new Class<?>[] {jakarta.jms.Message.class}, reply);
        }

        private Object call(String name, Class<?>[] types, Object... args) {
            try {
                Method m = helper.getMethod(name, types);
                return m.invoke(null, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new SitkitException(what + ": " + name + " failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new SitkitException(what + ": this Artemis client has no " + name + ": " + e, e);
            }
        }

        void close() throws JMSException {
            consumer.close();
            producer.close();
            replies.delete();
        }
    }
}
