package uk.customerhub.projections.customerview;

import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.Identity;
import uk.customerhub.identity.KeyedHash;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code _id}s of {@code customer_lookups} documents: {@code organisation|kind|keyedHash(value)}, where kind is
 * an identity kind or {@link #SURNAME_POSTCODE} (the value then being the lower-case family name, {@code |}, and
 * the normalised postcode).
 */
final class LookupKeys {
    static final String SURNAME_POSTCODE = "SURNAME_POSTCODE";

    private final KeyedHash hasher;

    LookupKeys(KeyedHash hasher) {
        this.hasher = hasher;
    }

    String identity(String organisation, Identity identity) {
        return key(organisation, identity.kind().name(), identity.value());
    }

    /** The surname-and-postcode key of a profile, when it has both a family name and a postcode. */
    Optional<String> surnameAndPostcode(String organisation, CustomerProfile profile) {
        String familyName = profile.name().familyName();
        String postcode = profile.address() == null ? null : profile.address().postcode();
        if (familyName == null || postcode == null) {
            return Optional.empty();
        }
        return Optional.of(surnameAndPostcode(organisation, familyName, postcode));
    }

    /** @param postcode in the canonical form of {@link uk.customerhub.api.Postcodes} */
    String surnameAndPostcode(String organisation, String surname, String postcode) {
        return key(organisation, SURNAME_POSTCODE, surname.toLowerCase(Locale.ROOT) + "|" + postcode);
    }

    /** The keyed hash a view keeps of each of its Digital ID subjects, to recognise its own resident. */
    String digitalId(String subject) {
        return hasher.of(subject);
    }

    private String key(String organisation, String kind, String value) {
        return organisation + "|" + kind + "|" + hasher.of(value);
    }
}
