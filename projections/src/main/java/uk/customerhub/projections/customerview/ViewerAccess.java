package uk.customerhub.projections.customerview;

import uk.customerhub.api.Role;
import uk.customerhub.api.Viewer;

import java.util.Set;

/**
 * Who may see which customer, decided where the query is answered so no caller can reach another customer's record
 * by changing an id. A customer is seen only by viewers of the organisation the record belongs to, and then:
 * <ul>
 *   <li>a resident only when the record lists their own Digital ID subject;</li>
 *   <li>agents, specialists and administrators any record (which entries they see is
 *       {@link Viewer#maySee}'s to say);</li>
 *   <li>a channel system only through a search by identity, to attribute a contact it received;</li>
 *   <li>providers and analysts not at all: they work from the routing and insight projections.</li>
 * </ul>
 * A viewer who may not see a record is answered as if it did not exist.
 */
final class ViewerAccess {
    private static final Set<Role> STAFF = Set.of(Role.AGENT, Role.SPECIALIST, Role.ADMIN);

    private final LookupKeys lookupKeys;

    ViewerAccess(LookupKeys lookupKeys) {
        this.lookupKeys = lookupKeys;
    }

    /** Whether {@code viewer} may see this customer's view and timeline, or find it by surname and postcode. */
    boolean maySee(Viewer viewer, StoredCustomerView view) {
        return viewer.organisation().equals(view.organisation())
                && (STAFF.contains(viewer.role()) || isOwnRecord(viewer, view));
    }

    /** Whether {@code viewer} may be offered this customer as a candidate match: staff of its organisation only. */
    boolean mayMatch(Viewer viewer, StoredCustomerView view) {
        return STAFF.contains(viewer.role()) && viewer.organisation().equals(view.organisation());
    }

    /** Whether {@code viewer} may search for candidate matches at all. */
    boolean mayMatch(Viewer viewer) {
        return STAFF.contains(viewer.role());
    }

    /** Whether {@code viewer} may find this customer by one of its identities. */
    boolean mayFindByIdentity(Viewer viewer, StoredCustomerView view) {
        return maySee(viewer, view)
                || viewer.role() == Role.CHANNEL && viewer.organisation().equals(view.organisation());
    }

    private boolean isOwnRecord(Viewer viewer, StoredCustomerView view) {
        return viewer.role() == Role.RESIDENT && view.hasDigitalId(lookupKeys.digitalId(viewer.subject()));
    }
}
