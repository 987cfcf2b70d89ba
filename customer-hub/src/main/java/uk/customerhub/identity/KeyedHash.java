package uk.customerhub.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns a personal identifier (e-mail, phone, handle, Digital ID subject, surname and postcode) into the keyed hash
 * (HMAC-SHA256, hex) that lookup documents and unique-key claims are stored under, so no lookup key holds the
 * identifier in plain text. The secret is configuration; changing it means rebuilding the lookups.
 */
public final class KeyedHash {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public KeyedHash(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the lookup key secret must be at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** The keyed hash of {@code value}, as 64 hex characters. */
    public String of(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
