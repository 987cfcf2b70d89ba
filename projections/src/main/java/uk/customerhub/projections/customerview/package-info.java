/**
 * The single view of the customer: a read model built from the events of each customer's record by
 * {@link uk.customerhub.projections.customerview.CustomerViewProjection} and queried through
 * {@link uk.customerhub.projections.customerview.CustomerViewQueries}.
 * <p>
 * Storage rule: every read is an equality or {@code $in} lookup on {@code _id}, never a range, sort or skip, so the
 * view stays fast on the embedded MongoDB server (whose only indexes are unique hash indexes) as on a real one. A
 * customer's view document holds the profile, identities, open service requests, running statutory clocks (and the
 * few most recently stopped) and counts, not copies of entries (it is rewritten by every event of the customer, so
 * it is kept small); the full timeline is one document per entry, its newest read by {@code $in} for the view, and
 * searches go through lookup documents keyed by a keyed hash of the value searched for
 * ({@link uk.customerhub.identity.KeyedHash}), never the value itself.
 * <p>
 * Lookups by profile: surname + postcode, surname + date of birth and postcode + date of birth
 * ({@link uk.customerhub.projections.customerview.LookupKeys}), added on registration and moved (old key pulled,
 * new key added) on a profile change. Candidate matching for staff
 * ({@link uk.customerhub.projections.customerview.CandidateScoring}) gathers ids from these and from the e-mail and
 * phone identity lookups in one {@code $in} on {@code customer_lookups}, then loads those views in one {@code $in}
 * and scores them: it never scans the customers.
 * <p>
 * Timeline filters by channel and type: every contact entry is numbered again, without gaps, in the filters it
 * belongs to (its channel, its type, both), per numbering (all entries for staff, resident-visible for the
 * resident), in {@code timeline_filters} with {@code _id} {@code customerId/NUMBERING/filter/n} pointing at the
 * entry's number; the view keeps each filter's count (and per restricted specialism, to subtract what staff may
 * not see). A filtered page is two {@code $in} reads on {@code _id}. Bounded (three small documents per contact per
 * numbering; the counts are bounded by the channel and type enums) and idempotent under redelivery, since the
 * numbers come from the view's counts, stored last ({@link uk.customerhub.projections.customerview.TimelineFilters}).
 * Views built before the filters existed have empty filters until the processor is replayed.
 */
package uk.customerhub.projections.customerview;
