package io.sitkit.samples.mobileauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens both services understand: {@code base64url(claims).base64url(HMAC-SHA256)},
 * signed with a secret the two services share. Claims: {@code sub} (user id), {@code scope}
 * (permissions), {@code exp} (expiry, epoch <em>seconds</em>), {@code ver} (the credential version
 * the token was issued for: a password change raises it).
 *
 * <pre>{@code
 * Tokens tokens = new Tokens(secret);
 * String t = tokens.issue(new Tokens.Claims("u-1", List.of("profile:read"), exp, 1));
 * Optional<Tokens.Claims> claims = tokens.verify(t);   // empty when forged or malformed
 * }</pre>
 *
 * <p>Thread-safety: immutable; a {@link Mac} is made per call.
 */
final class Tokens {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    /** What a token says. */
    record Claims(String subject, List<String> scopes, long expiry, int version) {
    }

    Tokens(byte[] secret) {
        this.secret = secret.clone();
    }

    String issue(Claims c) {
        ObjectNode claims = JSON.createObjectNode().put("sub", c.subject()).put("exp", c.expiry()).put("ver", c.version());
        c.scopes().forEach(claims.putArray("scope")::add);
        String body = B64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + B64.encodeToString(sign(body));
    }

    /** The claims of a token signed with this secret; empty for anything else. */
    Optional<Claims> verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(body), Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            JsonNode c = JSON.readTree(Base64.getUrlDecoder().decode(body));
            List<String> scopes = new java.util.ArrayList<>();
            c.path("scope").forEach(s -> scopes.add(s.asText()));
            return Optional.of(new Claims(c.path("sub").asText(), List.copyOf(scopes), c.path("exp").asLong(), c.path("ver").asInt()));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available: " + e.getMessage(), e);
        }
    }
}
