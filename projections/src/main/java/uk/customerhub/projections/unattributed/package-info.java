/**
 * The staff queues of unattributed contacts — the unattributed-contact queue (unknown or ambiguous callers, senders,
 * chats and referrals) and the social triage queue (unmatched social media posts) — built from the events of
 * unattributed contacts' records by {@link uk.customerhub.projections.unattributed.UnattributedContactProjection}
 * and queried through {@link uk.customerhub.projections.unattributed.UnattributedContactQueries}; and
 * {@link uk.customerhub.projections.unattributed.AttachedContactRecorder}, the process that makes sure an attached
 * contact reaches the customer's record.
 * <p>
 * Storage rule, as for the single view: every read is an equality or {@code $in} lookup on {@code _id}, never a
 * range, sort or skip (the embedded MongoDB server's only indexes are unique hash indexes). See
 * {@link uk.customerhub.projections.unattributed.TriageQueueStore} for the documents: one per contact keyed by its
 * contact id, and each queue as a head document plus numbered buckets of at most a hundred contact ids, so a page is
 * found from the head's counts and read with one {@code $in} on buckets and one on contacts, and no document grows
 * without bound: a queue holds only open contacts, and a bucket a hundred.
 */
package uk.customerhub.projections.unattributed;
