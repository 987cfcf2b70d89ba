package uk.customerhub.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a channel knows of whoever sent a contact it could not attribute — all of it personal data: the sender's
 * identities in normalised form (a caller's number, an e-mail address, a social handle), a name as given (an e-mail's
 * display name, a referred person's name), and for a referral the date of birth and postcode a partner supplied.
 * Every part may be absent (a withheld number).
 */
public record SenderDetails(List<Identity> identities, String name, LocalDate dateOfBirth, String postcode) {
    public SenderDetails {
        Require.atMost("sender.identities", identities, Limits.IDENTITIES);
        if (identities != null && identities.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException("sender.identities", "must not hold an empty entry");
        }
        identities = identities == null ? List.of() : identities.stream().distinct().toList();
        name = Require.optionalText("sender.name", name, Limits.SHORT_TEXT);
        if (dateOfBirth != null && (dateOfBirth.isAfter(LocalDate.now().plusDays(1)) || dateOfBirth.getYear() < 1900)) {
            throw new InvalidInputException("sender.dateOfBirth", "must be a date between 1900 and today");
        }
        postcode = Postcodes.normalise("sender.postcode", postcode);
    }

    public static SenderDetails unknown() {
        return new SenderDetails(null, null, null, null);
    }

    public static SenderDetails of(Identity identity) {
        return new SenderDetails(identity == null ? null : List.of(identity), null, null, null);
    }
}
