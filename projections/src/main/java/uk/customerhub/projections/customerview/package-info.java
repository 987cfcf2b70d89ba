/**
 * The single view of the customer: a read model built from the events of each customer's record by
 * {@link uk.customerhub.projections.customerview.CustomerViewProjection} and queried through
 * {@link uk.customerhub.projections.customerview.CustomerViewQueries}.
 * <p>
 * Storage rule: every read is an equality or {@code $in} lookup on {@code _id}, never a range, sort or skip, so the
 * view stays fast on the embedded MongoDB server (whose only indexes are unique hash indexes) as on a real one. A
 * customer's view document holds the profile, identities, open service requests, running statutory clocks (and the
 * few most recently stopped), counts and the most recent entries; the full timeline is one document per entry, and
 * searches go through lookup documents keyed by a keyed hash of the value searched for
 * ({@link uk.customerhub.identity.KeyedHash}), never the value itself.
 */
package uk.customerhub.projections.customerview;
