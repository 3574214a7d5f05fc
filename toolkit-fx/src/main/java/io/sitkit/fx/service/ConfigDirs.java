package io.sitkit.fx.service;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where the inspector keeps its files: {@code sitkit.fx.config-dir} when set, else the platform's
 * user configuration directory — {@code $XDG_CONFIG_HOME/sitkit} or {@code ~/.config/sitkit} on
 * Linux, {@code %APPDATA%\sitkit} on Windows, {@code ~/Library/Application Support/sitkit} on macOS.
 *
 * <pre>{@code
 * Path profiles = ConfigDirs.userConfigDir().resolve("profiles.json");
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ConfigDirs {
    /** System property that overrides the directory (tests, portable installs). */
    public static final String OVERRIDE = "sitkit.fx.config-dir";

    private ConfigDirs() {
    }

    /** The directory for this user and platform. */
    public static Path userConfigDir() {
        return resolve(System.getProperties(), System.getenv());
    }

    static Path resolve(Properties system, Map<String, String> env) {
        String override = system.getProperty(OVERRIDE);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = system.getProperty("user.home", ".");
        String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return (appData == null || appData.isBlank() ? Path.of(home, "AppData", "Roaming") : Path.of(appData)).resolve("sitkit");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "sitkit");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? Path.of(home, ".config") : Path.of(xdg)).resolve("sitkit");
    }
}
