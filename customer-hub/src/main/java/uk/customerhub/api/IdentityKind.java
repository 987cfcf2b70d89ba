package uk.customerhub.api;

/**
 * Kinds of identity a customer can be known by. A Digital ID subject and a social handle belong to at most one
 * customer ({@link #exclusive()}); an e-mail address or phone number is a contact point a household may share.
 */
public enum IdentityKind {
    DIGITAL_ID(true),
    EMAIL(false),
    PHONE(false),
    SOCIAL_HANDLE(true);

    private final boolean exclusive;

    IdentityKind(boolean exclusive) {
        this.exclusive = exclusive;
    }

    /** True when at most one customer may hold an identity of this kind. */
    public boolean exclusive() {
        return exclusive;
    }
}
