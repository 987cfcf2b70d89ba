package uk.customerhub.projections.customerview;

import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.Identity;
import uk.customerhub.identity.KeyedHash;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code _id}s of {@code customer_lookups} documents: {@code organisation|kind|keyedHash(value)}, where kind is
 * an identity kind or one of the profile's keys: {@link #SURNAME_POSTCODE} (the value then being the lower-case
 * family name, {@code |}, and the normalised postcode), {@link #SURNAME_DOB} (lower-case family name, {@code |},
 * ISO date of birth) or {@link #POSTCODE_DOB} (normalised postcode, {@code |}, ISO date of birth).
 */
final class LookupKeys {
    static final String SURNAME_POSTCODE = "SURNAME_POSTCODE";
    static final String SURNAME_DOB = "SURNAME_DOB";
    static final String POSTCODE_DOB = "POSTCODE_DOB";

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

    String surnameAndDateOfBirth(String organisation, String surname, LocalDate dateOfBirth) {
        return key(organisation, SURNAME_DOB, surname.toLowerCase(Locale.ROOT) + "|" + dateOfBirth);
    }

    /** @param postcode in the canonical form of {@link uk.customerhub.api.Postcodes} */
    String postcodeAndDateOfBirth(String organisation, String postcode, LocalDate dateOfBirth) {
        return key(organisation, POSTCODE_DOB, postcode + "|" + dateOfBirth);
    }

    /**
     * Every lookup key a profile implies (surname and postcode, surname and date of birth, postcode and date of
     * birth), each when the profile has both parts; kept up to date by the projection as the profile changes.
     */
    Set<String> ofProfile(String organisation, CustomerProfile profile) {
        String familyName = profile.name().familyName();
        String postcode = profile.address() == null ? null : profile.address().postcode();
        LocalDate dateOfBirth = profile.dateOfBirth();
        Set<String> keys = new LinkedHashSet<>();
        surnameAndPostcode(organisation, profile).ifPresent(keys::add);
        if (familyName != null && dateOfBirth != null) {
            keys.add(surnameAndDateOfBirth(organisation, familyName, dateOfBirth));
        }
        if (postcode != null && dateOfBirth != null) {
            keys.add(postcodeAndDateOfBirth(organisation, postcode, dateOfBirth));
        }
        return keys;
    }

    /** The keyed hash a view keeps of each of its Digital ID subjects, to recognise its own resident. */
    String digitalId(String subject) {
        return hasher.of(subject);
    }

    private String key(String organisation, String kind, String value) {
        return organisation + "|" + kind + "|" + hasher.of(value);
    }
}
