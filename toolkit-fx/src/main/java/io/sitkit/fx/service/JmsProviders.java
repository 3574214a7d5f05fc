package io.sitkit.fx.service;

import io.sitkit.config.ConfigKeys;
import io.sitkit.config.SitkitConfig;
import io.sitkit.jms.JmsSettings;
import io.sitkit.jms.QueueObservation;
import jakarta.jms.ConnectionFactory;

import javax.naming.Context;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Any JMS provider for a profile: its client jars ({@value #CLIENT_JARS}, loaded in a class loader
 * of their own), then its {@code ConnectionFactory} by class name ({@code sitkit.jms.connection-factory},
 * made by reflection with the profile's {@code sitkit.jms.url} when it has a {@code (String)}
 * constructor) or by a JNDI lookup ({@value #JNDI_NAME}, with the {@code InitialContext} properties
 * {@value #JNDI_PREFIX}{@code <property>}). The factory is made when the profile connects, so a
 * wrong class, jar or JNDI name is reported then, saying what to fix.
 *
 * <pre>{@code
 * ConnectionProfile p = ConnectionProfile.jmsJndi("mq", "ConnectionFactory", Map.of(
 *         "java.naming.factory.initial", "org.apache.activemq.jndi.ActiveMQInitialContextFactory",
 *         "java.naming.provider.url", "tcp://mq:61616"), "app");
 * try (JmsProviders.Provider jms = JmsProviders.resolve(p, p.toConfig(null))) { jms.settings(); }
 * }</pre>
 *
 * <p>Thread-safety: stateless; a {@link Provider} is immutable and closes its class loader once.
 */
public final class JmsProviders {
    /** Profile setting: the provider's client jars, separated by {@code ;} (or the platform's path separator). */
    public static final String CLIENT_JARS = "sitkit.fx.jms.client-jars";
    /** Profile setting: the JNDI name the connection factory is bound to. */
    public static final String JNDI_NAME = "sitkit.fx.jms.jndi-name";
    /** Prefix of the profile's JNDI {@code InitialContext} properties: {@code sitkit.fx.jms.jndi.java.naming.provider.url}. */
    public static final String JNDI_PREFIX = "sitkit.fx.jms.jndi.";

    private JmsProviders() {
    }

    /** Whether the profile reaches its JMS broker through a factory class or a JNDI lookup rather than a provider by name. */
    public static boolean isCustom(ConnectionProfile p) {
        return p.settings().containsKey(JNDI_NAME) || p.settings().containsKey(ConfigKeys.JMS_CONNECTION_FACTORY);
    }

    /**
     * A profile's JMS provider, ready to connect with: the settings the core's client uses, and the
     * class loader of the client jars, closed with it.
     *
     * <p>Thread-safety: immutable; {@link #close()} is idempotent.
     */
    public record Provider(JmsSettings settings, URLClassLoader loader) implements AutoCloseable {
        @Override
        public void close() {
            if (loader != null) {
                try {
                    loader.close();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("closing the JMS client jars failed", e);
                }
            }
        }
    }

    /**
     * Loads the profile's client jars and makes its connection factory.
     *
     * @param config the profile's configuration (user, password, timeout, queue observation)
     * @throws IllegalArgumentException saying what is missing or wrong: a jar, the class, a constructor, the JNDI lookup
     */
    public static Provider resolve(ConnectionProfile p, SitkitConfig config) {
        URLClassLoader loader = loader(p.settings().getOrDefault(CLIENT_JARS, ""));
        try {
            ClassLoader classes = loader != null ? loader : JmsProviders.class.getClassLoader();
            String jndiName = p.settings().get(JNDI_NAME);
            ConnectionFactory factory;
            String address;
            if (jndiName != null) {
                factory = lookup(jndiName, jndiEnvironment(p), classes, loader != null);
                address = "JNDI " + jndiName + p.settings().entrySet().stream().filter(e -> e.getKey().equals(JNDI_PREFIX + Context.PROVIDER_URL))
                        .map(e -> " at " + e.getValue()).findFirst().orElse("");
            } else {
                String className = p.settings().get(ConfigKeys.JMS_CONNECTION_FACTORY);
                String url = p.settings().getOrDefault(ConfigKeys.JMS_URL, "");
                factory = instantiate(className, url, classes, loader != null);
                address = className + (url.isBlank() ? "" : " " + url);
            }
            JmsSettings settings = JmsSettings.of(() -> factory, address)
                    .withCredentials(config.get(ConfigKeys.JMS_USER).orElse(null), config.get(ConfigKeys.JMS_PASSWORD).orElse(null))
                    .withTimeout(config.duration(ConfigKeys.JMS_TIMEOUT, JmsSettings.DEFAULT_TIMEOUT))
                    .withQueueObservation(config.get(ConfigKeys.JMS_QUEUE_OBSERVATION).map(QueueObservation::parse).orElse(QueueObservation.NONE))
                    .withMirrorPrefix(config.string(ConfigKeys.JMS_MIRROR_PREFIX, JmsSettings.DEFAULT_MIRROR_PREFIX))
                    .withBrowseInterval(config.duration(ConfigKeys.JMS_BROWSE_INTERVAL, Duration.ofMillis(100)));
            return new Provider(settings, loader);
        } catch (RuntimeException e) {
            if (loader != null) {
                try {
                    loader.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /** The JNDI properties of a profile: its settings and secrets under {@value #JNDI_PREFIX}, the prefix removed. */
    static Map<String, String> jndiEnvironment(ConnectionProfile p) {
        Map<String, String> env = new TreeMap<>();
        p.settings().forEach((k, v) -> {
            if (k.startsWith(JNDI_PREFIX)) {
                env.put(k.substring(JNDI_PREFIX.length()), v);
            }
        });
        p.secrets().forEach((k, v) -> {
            if (k.startsWith(JNDI_PREFIX)) {
                env.put(k.substring(JNDI_PREFIX.length()), v);
            }
        });
        return env;
    }

    private static URLClassLoader loader(String jars) {
        List<URL> urls = new ArrayList<>();
        for (String part : jars.split("[;" + File.pathSeparator + "\\n]")) {
            String jar = part.strip();
            if (jar.isEmpty()) {
                continue;
            }
            Path path = Path.of(jar);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("JMS client jar " + path + " does not exist; fix the profile's client jars");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("JMS client jar " + path + " is not a valid path: " + e.getMessage(), e);
            }
        }
        return urls.isEmpty() ? null : new URLClassLoader("sitkit-jms-client", urls.toArray(URL[]::new), JmsProviders.class.getClassLoader());
    }

    private static String where(boolean jars) {
        return jars ? "in the profile's client jars or on the class path" : "on the class path; add the provider's client jar to the profile";
    }

    static ConnectionFactory instantiate(String className, String url, ClassLoader classes, boolean jars) {
        Objects.requireNonNull(className, "className");
        Class<?> type;
        try {
            type = Class.forName(className.strip(), true, classes);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("JMS connection factory class " + className + " is not " + where(jars), e);
        }
        if (!ConnectionFactory.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(className + " is not a jakarta.jms.ConnectionFactory"
                    + (javaxFactory(type) ? " but a javax.jms one: use the provider's Jakarta JMS client" : ""));
        }
        try {
            if (url != null && !url.isBlank()) {
                try {
                    Constructor<?> c = type.getConstructor(String.class);
                    return (ConnectionFactory) c.newInstance(url.strip());
                } catch (NoSuchMethodException e) {
                    // no (String url) constructor: the no-arg one below
                }
            }
            return (ConnectionFactory) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("cannot make a " + className + ": it has no public no-arg"
                    + (url == null || url.isBlank() ? " constructor (set the JMS URL if it takes one)" : " or (String url) constructor"), e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot make a " + className + ": its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make a " + className + ": " + e, e);
        }
    }

    private static boolean javaxFactory(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().startsWith("javax.jms.")) {
                    return true;
                }
            }
        }
        return false;
    }

    static ConnectionFactory lookup(String name, Map<String, String> environment, ClassLoader classes, boolean jars) {
        if (!environment.containsKey(Context.INITIAL_CONTEXT_FACTORY)) {
            throw new IllegalArgumentException("the JNDI properties need " + Context.INITIAL_CONTEXT_FACTORY
                    + ", the provider's InitialContextFactory class");
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // JNDI loads the InitialContextFactory through the context class loader
        thread.setContextClassLoader(classes);
        try {
            Context context = new InitialContext(new Hashtable<>(environment));
            try {
                Object bound = context.lookup(name);
                if (!(bound instanceof ConnectionFactory cf)) {
                    throw new IllegalArgumentException("JNDI name '" + name + "' is bound to a "
                            + (bound == null ? "null" : bound.getClass().getName()) + ", not a jakarta.jms.ConnectionFactory");
                }
                return cf;
            } finally {
                context.close();
            }
        } catch (NamingException e) {
            String factory = environment.get(Context.INITIAL_CONTEXT_FACTORY);
            String cause = e.getRootCause() instanceof ClassNotFoundException
                    ? "InitialContextFactory class " + factory + " is not " + where(jars)
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new IllegalArgumentException("JNDI lookup of '" + name + "' (" + Context.INITIAL_CONTEXT_FACTORY + " = " + factory
                    + ") failed: " + cause, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
