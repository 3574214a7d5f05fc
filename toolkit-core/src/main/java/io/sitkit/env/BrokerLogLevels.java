package io.sitkit.env;

import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;

/**
 * Quiets the embedded brokers' own loggers (Kafka, ActiveMQ) to a level, WARN by default, on
 * whichever SLF4J binding is present: Logback and Log4j 2 programmatically, slf4j-simple through its
 * system properties (when the user has not set them). Other bindings are left alone.
 */
final class BrokerLogLevels {
    static final List<String> BROKER_LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger",
            "org.apache.activemq");

    private BrokerLogLevels() {
    }

    static void apply(String level) {
        String lvl = level.toUpperCase(Locale.ROOT);
        for (String name : BROKER_LOGGERS) {
            String key = "org.slf4j.simpleLogger.log." + name;
            if (System.getProperty(key) == null) {
                System.setProperty(key, lvl.toLowerCase(Locale.ROOT));
            }
        }
        Object factory = LoggerFactory.getILoggerFactory();
        String type = factory.getClass().getName();
        try {
            if (type.startsWith("ch.qos.logback")) {
                Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", true, factory.getClass().getClassLoader());
                Object l = levelClass.getMethod("toLevel", String.class).invoke(null, lvl);
                for (String name : BROKER_LOGGERS) {
                    Object logger = factory.getClass().getMethod("getLogger", String.class).invoke(factory, name);
                    logger.getClass().getMethod("setLevel", levelClass).invoke(logger, l);
                }
            } else if (type.startsWith("org.apache.logging")) {
                Class<?> configurator = Class.forName("org.apache.logging.log4j.core.config.Configurator");
                Class<?> levelClass = Class.forName("org.apache.logging.log4j.Level");
                Object l = levelClass.getMethod("toLevel", String.class).invoke(null, lvl);
                for (String name : BROKER_LOGGERS) {
                    configurator.getMethod("setLevel", String.class, levelClass).invoke(null, name, l);
                }
            }
        } catch (ReflectiveOperationException | LinkageError e) {
            LoggerFactory.getLogger(BrokerLogLevels.class).debug("could not set broker log levels on {}: {}", type, e.toString());
        }
    }
}
