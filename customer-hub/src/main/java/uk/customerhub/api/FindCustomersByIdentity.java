package uk.customerhub.api;

/**
 * Customers who hold an identity. A Digital ID subject or social handle matches at most one; an e-mail or phone
 * number may match every member of a household.
 */
public record FindCustomersByIdentity(Identity identity, Viewer viewer) {
    public FindCustomersByIdentity {
        Require.present("identity", identity);
        Require.present("viewer", viewer);
    }
}
