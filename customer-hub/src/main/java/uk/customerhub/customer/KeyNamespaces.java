package uk.customerhub.customer;

import uk.customerhub.api.IdentityKind;

/** Namespaces of the hub-wide unique keys the customer record claims. */
public final class KeyNamespaces {
    public static final String CONTACT = "contact";
    public static final String SERVICE_REQUEST = "service-request";

    private KeyNamespaces() {
    }

    public static String identity(IdentityKind kind) {
        return "identity:" + kind.name();
    }
}
