package uk.customerhub.api;

/**
 * The staff queues an unattributed contact waits in until an agent attaches it to a customer or closes it: unmatched
 * or ambiguous callers, e-mails, chats and referrals in one, unmatched social media posts (social listening) in the
 * other.
 */
public enum TriageQueue {
    UNATTRIBUTED_CONTACTS,
    SOCIAL_TRIAGE;

    /** The queue a contact arriving on {@code channel} waits in. */
    public static TriageQueue forChannel(Channel channel) {
        return channel == Channel.SOCIAL ? SOCIAL_TRIAGE : UNATTRIBUTED_CONTACTS;
    }
}
