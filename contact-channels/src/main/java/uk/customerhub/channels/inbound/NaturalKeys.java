package uk.customerhub.channels.inbound;

import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Require;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Contact ids derived from an inbound message's natural key — a call id, a Message-ID, a chat session id, a platform
 * and post id, a referral id — so the same message delivered twice is the same contact. The key is hashed (a
 * name-based UUID) within a scope: the channel system for keys only it assigns (call ids, session ids, referral ids),
 * the organisation for keys unique the world over (Message-IDs, a platform's post ids: the same post from two feeds is
 * one contact).
 */
public final class NaturalKeys {
    private NaturalKeys() {
    }

    /** A required natural key of at most {@code max} characters, stripped of surrounding white space. */
    public static String required(String field, String value, int max) {
        return Require.text(field, value, max);
    }

    /** {@code prefix} followed by a name-based UUID of the scope and the key's parts. */
    public static String contactId(String prefix, String scope, String... keyParts) {
        StringBuilder name = new StringBuilder(prefix).append('|').append(scope);
        for (String part : keyParts) {
            if (part == null) {
                throw new InvalidInputException("key", "is required");
            }
            name.append('|').append(part);
        }
        return prefix + UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
