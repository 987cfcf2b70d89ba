package uk.customerhub.projections.customerview;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Turns a personal identifier (an e-mail address, a phone number, a social handle, a Digital ID subject, a surname
 * and postcode) into a lookup key: the hex HMAC-SHA256 of the value under a secret the hub keeps. The stored lookup
 * keys therefore never hold the identifier itself, and cannot be reversed by hashing guessed values without the
 * secret. The same secret must be used for as long as the lookups it built are kept (changing it means rebuilding
 * the single view).
 */
public final class LookupKeyHasher {
    /** The shortest secret accepted: as long as the hash itself. */
    public static final int MINIMUM_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;

    /** @param secret at least {@value #MINIMUM_SECRET_BYTES} random bytes; copied, so the caller may wipe its array */
    public LookupKeyHasher(byte[] secret) {
        if (secret == null || secret.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the lookup key secret must be at least " + MINIMUM_SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secret, ALGORITHM);
    }

    /** The lookup key of {@code value}: 64 lower-case hex characters. */
    public String hash(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
