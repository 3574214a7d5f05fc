package io.sitkit.jms;

import io.sitkit.config.ConfigException;
import io.sitkit.config.ConfigKeys;
import jakarta.jms.ConnectionFactory;

import java.lang.reflect.Constructor;

/** Instantiates a provider's {@link ConnectionFactory} by class name. Stateless. */
final class ConnectionFactories {
    private ConnectionFactories() {
    }

    /**
     * Bounds the provider's own blocking calls by {@code timeout} where it has a setting for it:
     * ActiveMQ Classic {@code sendTimeout}, {@code connectResponseTimeout}, {@code closeTimeout};
     * Artemis {@code callTimeout}. Other providers keep their defaults.
     */
    static ConnectionFactory withTimeouts(ConnectionFactory cf, java.time.Duration timeout) {
        int ms = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        for (String setter : new String[] {"setSendTimeout", "setConnectResponseTimeout", "setCloseTimeout"}) {
            invoke(cf, setter, int.class, ms);
        }
        invoke(cf, "setCallTimeout", long.class, (long) ms);
        return cf;
    }

    private static void invoke(Object target, String name, Class<?> type, Object value) {
        try {
            target.getClass().getMethod(name, type).invoke(target, value);
        } catch (NoSuchMethodException e) {
            // this provider has no such setting
        } catch (ReflectiveOperationException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ConnectionFactories.class).debug("{}.{} failed: {}",
                    target.getClass().getName(), name, e.toString());
        }
    }

    static ConnectionFactory instantiate(String className, String url) {
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader() != null
                    ? Thread.currentThread().getContextClassLoader() : ConnectionFactories.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException("JMS connection factory class " + className + " is not on the classpath; add the "
                    + "provider's client jar (e.g. org.apache.artemis:artemis-jakarta-client) or fix " + ConfigKeys.JMS_CONNECTION_FACTORY, e);
        }
        if (!ConnectionFactory.class.isAssignableFrom(type)) {
            throw new ConfigException(className + " is not a jakarta.jms.ConnectionFactory (a javax.jms provider needs its "
                    + "jakarta variant)");
        }
        try {
            if (url != null && !url.isBlank()) {
                try {
                    Constructor<?> c = type.getConstructor(String.class);
                    return (ConnectionFactory) c.newInstance(url);
                } catch (NoSuchMethodException e) {
                    // fall through to the no-arg constructor
                }
            }
            return (ConnectionFactory) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ConfigException("cannot create " + className + " (needs a public (String url) or no-arg constructor): "
                    + (e.getCause() != null ? e.getCause() : e), e);
        }
    }
}
