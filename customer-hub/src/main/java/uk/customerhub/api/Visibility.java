package uk.customerhub.api;

/**
 * Who may see an entry of the customer's record. The resident portal shows only {@link #RESIDENT_VISIBLE};
 * {@link #RESTRICTED} entries are seen only by specialists of the entry's specialism.
 */
public enum Visibility {
    RESIDENT_VISIBLE,
    STAFF_ONLY,
    RESTRICTED
}
