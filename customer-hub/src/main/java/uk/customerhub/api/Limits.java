package uk.customerhub.api;

/** The maximum sizes of text fields. Past a limit a command is invalid (HTTP 400). */
public final class Limits {
    /** Identifiers: customer, contact and service request ids, service codes. */
    public static final int ID = 64;
    /** Short text: a name part, a town, an access point, an agent id. */
    public static final int SHORT_TEXT = 200;
    /** A contact summary or service request description (Open311's description limit). */
    public static final int SUMMARY = 4_000;
    /** An identity value (e-mail, phone, handle, Digital ID subject). */
    public static final int IDENTITY = 320;
    /** One address line. */
    public static final int ADDRESS_LINE = 200;
    /** Lines of a postal address. */
    public static final int ADDRESS_LINES = 5;
    /** A service request attribute value. */
    public static final int ATTRIBUTE_VALUE = 1_000;
    /** Attributes on one service request. */
    public static final int ATTRIBUTES = 50;
    /** Identities given in one registration. */
    public static final int IDENTITIES = 20;
    /** A webchat transcript or an e-mail body, in bytes of UTF-8 (100 KB). */
    public static final int TRANSCRIPT = 102_400;
    /** Candidate customers an unattributed contact may list (a household sharing a phone or an e-mail). */
    public static final int CANDIDATES = 20;

    private Limits() {
    }
}
