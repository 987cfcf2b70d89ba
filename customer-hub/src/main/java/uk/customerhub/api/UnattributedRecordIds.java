package uk.customerhub.api;

/**
 * The id of an unattributed contact's own record (its aggregate) is its contact id behind the prefix
 * {@value #PREFIX}. The slash can be in no customer id ({@link Require#id}), so the record can never share its event
 * stream with a customer's record, whatever ids clients choose; the contact id itself stays as it is, so the contact
 * keeps it when it is attached to a customer.
 */
public final class UnattributedRecordIds {
    public static final String PREFIX = "unattributed/";

    private UnattributedRecordIds() {
    }

    public static String of(String contactId) {
        return PREFIX + contactId;
    }
}
