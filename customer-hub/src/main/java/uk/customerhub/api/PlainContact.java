package uk.customerhub.api;

/**
 * The rule every contact that is not itself a service request obeys: its type is not SERVICE_REQUEST and its outcome
 * not SERVICE_REQUEST_RAISED (a service request is raised with {@link RaiseServiceRequest}, which records its contact).
 */
public final class PlainContact {
    private PlainContact() {
    }

    /** Refuses a service-request type or outcome, saying {@code why} (how such a request is raised instead). */
    public static void check(ContactType type, Outcome outcome, String why) {
        if (type == ContactType.SERVICE_REQUEST) {
            throw new InvalidInputException("type", why);
        }
        if (outcome == Outcome.SERVICE_REQUEST_RAISED) {
            throw new InvalidInputException("outcome", why);
        }
    }
}
