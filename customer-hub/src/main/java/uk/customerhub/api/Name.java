package uk.customerhub.api;

/** A person's or organisation's name. Either part may be absent while a self-registered profile is incomplete. */
public record Name(String givenName, String familyName) {
    public Name {
        givenName = Require.optionalText("givenName", givenName, Limits.SHORT_TEXT);
        familyName = Require.optionalText("familyName", familyName, Limits.SHORT_TEXT);
    }
}
