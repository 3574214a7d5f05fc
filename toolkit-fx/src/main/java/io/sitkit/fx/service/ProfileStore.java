package io.sitkit.fx.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Saves connection profiles to one JSON file ({@code profiles.json} in {@link ConfigDirs}). Secrets
 * are never written in plain text: with a {@link SecretVault} unlocked by the user's master
 * passphrase they are written AES-GCM encrypted; without one they are not written at all — the
 * file only lists which secrets the profile needs, and the inspector asks for them when it
 * connects. The file is replaced atomically and, where the file system allows, readable by its
 * owner only.
 *
 * <pre>{@code
 * ProfileStore store = ProfileStore.inUserConfigDir();
 * store.save(profiles, Optional.of(vault));
 * List<ConnectionProfile> back = store.load(Optional.of(vault));   // secrets decrypted
 * List<ConnectionProfile> bare = store.load(Optional.empty());     // secrets to be asked for
 * }</pre>
 *
 * <p>Thread-safety: {@link #load} and {@link #save} are synchronized on the store.
 */
public final class ProfileStore {
    static final String FORMAT = "sitkit-inspector-profiles/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;

    public ProfileStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The store at {@code profiles.json} in the user's config directory. */
    public static ProfileStore inUserConfigDir() {
        return new ProfileStore(ConfigDirs.userConfigDir().resolve("profiles.json"));
    }

    public Path file() {
        return file;
    }

    /** The vault parameters saved in the file, if secrets were ever saved encrypted. */
    public synchronized Optional<SecretVault.Params> vaultParams() {
        JsonNode root = read();
        JsonNode v = root.path("vault");
        if (v.isMissingNode() || v.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new SecretVault.Params(Base64.getDecoder().decode(v.path("salt").asText()),
                v.path("iterations").asInt(), SecretVault.Sealed.decode(v.path("check").asText())));
    }

    /**
     * The saved profiles; their secrets decrypted when {@code vault} is given, else only named.
     *
     * @throws SecretVault.WrongPassphraseException when the vault is not the one the secrets were sealed with
     */
    public synchronized List<ConnectionProfile> load(Optional<SecretVault> vault) {
        JsonNode root = read();
        List<ConnectionProfile> out = new ArrayList<>();
        for (JsonNode p : root.path("profiles")) {
            String name = p.path("name").asText();
            Map<String, String> settings = new LinkedHashMap<>();
            p.path("settings").properties().forEach(e -> settings.put(e.getKey(), e.getValue().asText()));
            Set<String> required = new LinkedHashSet<>();
            Map<String, String> secrets = new LinkedHashMap<>();
            p.path("secrets").properties().forEach(e -> {
                required.add(e.getKey());
                if (vault.isPresent()) {
                    secrets.put(e.getKey(), vault.get().open(SecretVault.Sealed.decode(e.getValue().asText()), binding(name, e.getKey())));
                }
            });
            p.path("secretsNotSaved").forEach(n -> required.add(n.asText()));
            out.add(new ConnectionProfile(name, ConnectionProfile.Kind.valueOf(p.path("kind").asText()), settings, secrets, required));
        }
        return out;
    }

    /**
     * Writes {@code profiles}: secrets sealed with {@code vault}, or — without one — left out and
     * listed as to be asked for.
     */
    public synchronized void save(List<ConnectionProfile> profiles, Optional<SecretVault> vault) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        vault.ifPresent(v -> {
            ObjectNode node = root.putObject("vault");
            node.put("kdf", "PBKDF2WithHmacSHA256");
            node.put("cipher", "AES-256-GCM");
            node.put("iterations", v.params().iterations());
            node.put("salt", Base64.getEncoder().encodeToString(v.params().salt()));
            node.put("check", v.params().check().encode());
        });
        ArrayNode list = root.putArray("profiles");
        for (ConnectionProfile p : profiles) {
            ObjectNode node = list.addObject();
            node.put("name", p.name());
            node.put("kind", p.kind().name());
            ObjectNode settings = node.putObject("settings");
            p.settings().forEach(settings::put);
            ObjectNode sealed = node.putObject("secrets");
            ArrayNode notSaved = node.putArray("secretsNotSaved");
            for (String key : p.requiredSecrets()) {
                String value = p.secrets().get(key);
                if (vault.isPresent() && value != null) {
                    sealed.put(key, vault.get().seal(value, binding(p.name(), key)).encode());
                } else {
                    notSaved.add(key);
                }
            }
        }
        write(root);
    }

    private static String binding(String profile, String key) {
        return profile + "/" + key;
    }

    private JsonNode read() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException(file + " is not a sitkit inspector profile file (format '"
                        + root.path("format").asText() + "', expected '" + FORMAT + "')");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read connection profiles from " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(JsonNode root) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "profiles", ".tmp");
            try {
                ownerOnly(tmp);
                JSON.writeValue(tmp.toFile(), root);
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save connection profiles to " + file + ": " + e.getMessage(), e);
        }
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the user profile directory's ACLs apply
        }
    }
}
