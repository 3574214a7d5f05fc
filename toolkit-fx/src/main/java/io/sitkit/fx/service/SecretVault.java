package io.sitkit.fx.service;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Encrypts the secrets of saved profiles with a key only the user holds: AES-256-GCM under a key
 * derived from a master passphrase with PBKDF2-HMAC-SHA256 (a random 16-byte salt, 310,000
 * iterations by default). Each secret gets a fresh 12-byte nonce and is bound to its profile and
 * key (the GCM associated data), so a ciphertext moved to another slot fails to open. The
 * passphrase itself is never stored: a sealed check value tells a wrong passphrase from a right one.
 *
 * <pre>{@code
 * SecretVault vault = SecretVault.create("correct horse".toCharArray());
 * SecretVault.Sealed s = vault.seal("s3cret", "staging/sitkit.jms.password");
 * String back = SecretVault.unlock("correct horse".toCharArray(), vault.params()).open(s, "staging/sitkit.jms.password");
 * }</pre>
 *
 * <p>Thread-safety: immutable; safe for concurrent use.
 */
public final class SecretVault {
    /** PBKDF2 iterations for new vaults. */
    public static final int DEFAULT_ITERATIONS = 310_000;
    private static final String CHECK = "sitkit-inspector-vault-check";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Params params;

    private SecretVault(SecretKeySpec key, byte[] salt, int iterations, Sealed check) {
        this.key = key;
        this.params = new Params(salt, iterations, check == null ? sealWith(key, CHECK, CHECK) : check);
    }

    /** A new vault with a fresh salt. */
    public static SecretVault create(char[] passphrase) {
        return create(passphrase, DEFAULT_ITERATIONS);
    }

    /** A new vault deriving its key with {@code iterations} (tests use fewer). */
    public static SecretVault create(char[] passphrase, int iterations) {
        requirePassphrase(passphrase);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new SecretVault(derive(passphrase, salt, iterations), salt, iterations, null);
    }

    /**
     * Opens an existing vault.
     *
     * @throws WrongPassphraseException when the passphrase does not open the check value
     */
    public static SecretVault unlock(char[] passphrase, Params params) {
        requirePassphrase(passphrase);
        SecretKeySpec key = derive(passphrase, params.salt(), params.iterations());
        if (!CHECK.equals(openWith(key, params.check(), CHECK))) {
            throw new WrongPassphraseException();
        }
        return new SecretVault(key, params.salt(), params.iterations(), params.check());
    }

    /** What is saved beside the secrets: salt, iterations and the sealed check value. */
    public Params params() {
        return params;
    }

    /** Encrypts {@code plaintext} for the slot {@code binding} (profile name and key). */
    public Sealed seal(String plaintext, String binding) {
        return sealWith(key, plaintext, binding);
    }

    /**
     * Decrypts a secret sealed for {@code binding}.
     *
     * @throws WrongPassphraseException when it was sealed under another key or for another slot
     */
    public String open(Sealed sealed, String binding) {
        return openWith(key, sealed, binding);
    }

    private static void requirePassphrase(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("the master passphrase is empty");
        }
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("PBKDF2 iterations must be >= 1, was " + iterations);
        }
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] k = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(k, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static Sealed sealWith(SecretKeySpec key, String plaintext, String binding) {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            return new Sealed(iv, c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    }

    private static String openWith(SecretKeySpec key, Sealed sealed, String binding) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.iv()));
            c.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(sealed.data()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a saved secret: " + e.getMessage(), e);
        }
    }

    /**
     * One encrypted value.
     *
     * <p>Thread-safety: immutable (arrays copied).
     *
     * @param iv   the GCM nonce
     * @param data ciphertext with the authentication tag
     */
    public record Sealed(byte[] iv, byte[] data) {
        public Sealed {
            iv = iv.clone();
            data = data.clone();
        }

        @Override
        public byte[] iv() {
            return iv.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** {@code base64(iv):base64(data)}. */
        public String encode() {
            return Base64.getEncoder().encodeToString(iv) + ":" + Base64.getEncoder().encodeToString(data);
        }

        public static Sealed decode(String text) {
            int colon = Objects.requireNonNull(text, "sealed text").indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("a sealed secret is written iv:data in base64");
            }
            return new Sealed(Base64.getDecoder().decode(text.substring(0, colon)), Base64.getDecoder().decode(text.substring(colon + 1)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sealed s && Arrays.equals(iv, s.iv) && Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(iv) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Sealed[" + data.length + " bytes]";
        }
    }

    /**
     * The saved parameters of a vault.
     *
     * @param salt       PBKDF2 salt
     * @param iterations PBKDF2 iterations
     * @param check      a known value sealed with the key, to recognise a wrong passphrase
     */
    public record Params(byte[] salt, int iterations, Sealed check) {
        public Params {
            salt = salt.clone();
            Objects.requireNonNull(check, "check");
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Params p && Arrays.equals(salt, p.salt) && iterations == p.iterations && check.equals(p.check);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(salt) + iterations + check.hashCode();
        }
    }

    /** The master passphrase was wrong (or a saved secret was tampered with). */
    public static final class WrongPassphraseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WrongPassphraseException() {
            super("the master passphrase does not open the saved secrets; check it and try again"
                    + " (or connect without saved secrets and type them in)");
        }
    }
}
