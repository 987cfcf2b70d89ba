package uk.customerhub.api;

/**
 * What a statutory clock times: the council's answer to a request or complaint that the law or the council's own
 * policy gives a deadline.
 */
public enum StatutoryClockKind {
    /** Freedom of Information Act 2000, s.10: 20 working days from the day after receipt. */
    FOI_REQUEST,
    /** UK GDPR Art. 12(3): one calendar month from the day of receipt. */
    SUBJECT_ACCESS_REQUEST,
    /** The council's complaints procedure: a response target per stage, in working days. */
    COMPLAINT;

    /** The kind of clock a contact of this type starts, or null when it starts none. */
    public static StatutoryClockKind startedBy(ContactType type) {
        return switch (type) {
            case FOI_REQUEST -> FOI_REQUEST;
            case SUBJECT_ACCESS_REQUEST -> SUBJECT_ACCESS_REQUEST;
            case COMPLAINT -> COMPLAINT;
            default -> null;
        };
    }
}
