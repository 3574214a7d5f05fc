package io.sitkit.fx.viewmodel;

import io.sitkit.fx.service.Connection;
import io.sitkit.fx.service.ConnectionProfile;
import io.sitkit.fx.service.ProfileStore;
import io.sitkit.fx.service.SecretVault;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The inspector's root: saved connection profiles, the connections open now (several at once,
 * each a root of the tree), the master passphrase that opens saved secrets, and the status line.
 *
 * <pre>{@code
 * InspectorViewModel vm = new InspectorViewModel(Background.forFx(), ProfileStore.inUserConfigDir(), auditFile);
 * vm.loadProfiles();
 * vm.connect(vm.profiles().get(0));
 * }</pre>
 *
 * <p>Thread-safety: properties and commands belong to the UI thread; {@link #close()} closes every
 * connection.
 */
public final class InspectorViewModel implements AutoCloseable {
    private final Background background;
    private final ProfileStore store;
    private final Path auditFile;
    private final Duration healthInterval;
    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<ConnectionProfile> profilesView = FXCollections.unmodifiableObservableList(profiles);
    private final ObservableList<ConnectionViewModel> connections = FXCollections.observableArrayList();
    /** One read-only view, kept: views of it hold weak listeners, so a view made per call could be collected. */
    private final ObservableList<ConnectionViewModel> connectionsView = FXCollections.unmodifiableObservableList(connections);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper vaultOpen = new ReadOnlyBooleanWrapper(this, "vaultOpen");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private Optional<SecretVault> vault = Optional.empty();

    /**
     * @param auditFile      where injected messages are audited (unless a profile names its own)
     * @param healthInterval how often open connections check their brokers
     */
    public InspectorViewModel(Background background, ProfileStore store, Path auditFile, Duration healthInterval) {
        this.background = Objects.requireNonNull(background, "background");
        this.store = Objects.requireNonNull(store, "store");
        this.auditFile = auditFile;
        this.healthInterval = healthInterval;
    }

    public Background background() {
        return background;
    }

    /** The directory the profiles are saved in (as the store names it, relative or not); sessions are recorded under it. */
    public Path configDir() {
        Path parent = store.file().getParent();
        return parent == null ? Path.of(".") : parent;
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profilesView;
    }

    public ObservableList<ConnectionViewModel> connections() {
        return connectionsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Whether saved secrets are decrypted (the master passphrase was given). */
    public ReadOnlyBooleanProperty vaultOpenProperty() {
        return vaultOpen.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** Whether the profile file holds encrypted secrets (so a passphrase is asked for, not chosen). */
    public boolean hasSavedVault() {
        return store.vaultParams().isPresent();
    }

    /** Reads the saved profiles; a first start gets the embedded sandbox with demo traffic. */
    public Background.Job loadProfiles() {
        Optional<SecretVault> v = vault;
        return background.submit(() -> store.load(v), loaded -> {
            profiles.setAll(loaded.isEmpty() ? List.of(ConnectionProfile.sandbox("Sandbox (demo traffic)", true)) : loaded);
            status.set(loaded.isEmpty() ? "No saved profiles yet: the embedded sandbox is ready to connect"
                    : loaded.size() + " saved profiles from " + store.file());
        }, e -> status.set("cannot read profiles: " + Errors.describe(e)));
    }

    /**
     * Opens the saved secrets with the master passphrase, or — when none were saved yet — sets it.
     * A wrong passphrase leaves them closed and says so.
     */
    public Background.Job openVault(char[] passphrase) {
        char[] copy = passphrase.clone();
        return background.submit(() -> {
            Optional<SecretVault.Params> params = store.vaultParams();
            SecretVault v = params.isPresent() ? SecretVault.unlock(copy, params.get()) : SecretVault.create(copy);
            java.util.Arrays.fill(copy, '\0');
            return v;
        }, v -> {
            vault = Optional.of(v);
            vaultOpen.set(true);
            status.set("Saved secrets are open; new secrets are saved encrypted");
            loadProfiles();
        }, e -> status.set(Errors.describe(e)));
    }

    /** Adds or replaces (by name) a profile and saves all; secrets only if the vault is open. */
    public Background.Job saveProfile(ConnectionProfile profile) {
        List<ConnectionProfile> all = new ArrayList<>(profiles);
        all.removeIf(p -> p.name().equals(profile.name()));
        all.add(profile);
        profiles.setAll(all);
        Optional<SecretVault> v = vault;
        List<ConnectionProfile> toSave = List.copyOf(all);
        return background.submit(() -> {
            store.save(toSave, v);
            return null;
        }, x -> status.set("Saved profile '" + profile.name() + "'" + (profile.requiredSecrets().isEmpty() || v.isPresent() ? ""
                : " — its secrets are not saved (no master passphrase); they are asked for when connecting")),
                e -> status.set("cannot save profiles: " + Errors.describe(e)));
    }

    public Background.Job removeProfile(ConnectionProfile profile) {
        List<ConnectionProfile> all = new ArrayList<>(profiles);
        all.removeIf(p -> p.name().equals(profile.name()));
        profiles.setAll(all);
        Optional<SecretVault> v = vault;
        return background.submit(() -> {
            store.save(all, v);
            return null;
        }, x -> status.set("Removed profile '" + profile.name() + "'"), e -> status.set("cannot save profiles: " + Errors.describe(e)));
    }

    /** Opens {@code profile} in the background; on success it becomes a root of the tree. */
    public Background.Job connect(ConnectionProfile profile) {
        if (!profile.missingSecrets().isEmpty()) {
            status.set("Profile '" + profile.name() + "' needs " + profile.missingSecrets() + " typed in before connecting");
            return null;
        }
        connecting.set(true);
        status.set("Connecting to '" + profile.name() + "' …");
        return background.submit(() -> Connection.open(profile, auditFile), c -> {
            connecting.set(false);
            ConnectionViewModel vm = new ConnectionViewModel(c, background, healthInterval);
            connections.add(vm);
            status.set("Connected to '" + profile.name() + "': " + c.describe()
                    + (c.protection().isProtected() ? " · protected (read-only until unlocked)" : ""));
            vm.refresh();
        }, e -> {
            connecting.set(false);
            status.set("Cannot connect to '" + profile.name() + "': " + Errors.describe(e));
        });
    }

    public void disconnect(ConnectionViewModel c) {
        connections.remove(c);
        c.close();
        status.set("Disconnected from '" + c.name() + "'");
    }

    @Override
    public void close() {
        List<ConnectionViewModel> open = new ArrayList<>(connections);
        connections.clear();
        for (ConnectionViewModel c : open) {
            c.closeNow();
        }
    }
}
