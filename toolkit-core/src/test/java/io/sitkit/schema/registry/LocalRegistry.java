package io.sitkit.schema.registry;

import java.nio.file.Path;
import java.time.Duration;

/** Test support: where the build unpacked Apicurio Registry, and starting it. */
final class LocalRegistry {
    private LocalRegistry() {
    }

    static LocalSchemaRegistry start(String name) {
        String home = System.getProperty("sitkit.test.apicurio.home");
        if (home == null) {
            throw new IllegalStateException("sitkit.test.apicurio.home is not set; run the tests through Maven"
                    + " (mvn -B verify), which unpacks Apicurio Registry into target/apicurio");
        }
        return LocalSchemaRegistry.start(Path.of(home), Path.of("target", "apicurio-" + name + ".log"), Duration.ofSeconds(90));
    }
}
