package uk.customerhub.projections.unattributed;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.UnattributedContactAttached;
import uk.customerhub.api.UnattributedContactClosed;
import uk.customerhub.api.UnattributedContactRecorded;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * Builds the staff queues of unattributed contacts (see {@link TriageQueueStore}): a recorded contact joins its queue,
 * an attached or closed one leaves it.
 * <p>
 * Safe to deliver an event again, as a tracking processor may after a crash. A recorded contact's document is written
 * first, naming the bucket it goes into and marked not yet queued; then it is added to that bucket and the queue's
 * counts, then marked queued. An attachment or closing is written to the document first (on condition that the
 * document is still at the position it was read at), marked not yet dequeued; then the contact is pulled from its
 * bucket and the counts, then marked dequeued. A redelivered event finds what was done and finishes the rest; bucket
 * changes ({@code $addToSet}, {@code $pull}) and counts (set from the bucket's size) are unchanged by a repeat.
 * <p>
 * Events must be handled one at a time (one segment): the bucket a contact goes into is chosen from the queue's
 * state.
 */
@ProcessingGroup(UnattributedContactProjection.PROCESSING_GROUP)
public class UnattributedContactProjection {
    /** The processing group (tracking event processor) this projection belongs to. */
    public static final String PROCESSING_GROUP = "unattributed-contacts";

    private final TriageQueueStore store;

    public UnattributedContactProjection(MongoDatabase database) {
        this(database, TriageQueueStore.DEFAULT_BUCKET_SIZE);
    }

    /** @param bucketSize how many contact ids one bucket of a queue holds (tests make it small) */
    public UnattributedContactProjection(MongoDatabase database, int bucketSize) {
        this.store = new TriageQueueStore(database, bucketSize);
    }

    /**
     * Before a replay: empties the queues, so the replay rebuilds them (a document already there would make every
     * replayed event look applied).
     */
    @ResetHandler
    public void reset() {
        store.drop();
    }

    @EventHandler
    public void on(UnattributedContactRecorded event, @SequenceNumber long sequence,
                   @Timestamp Instant recordedAt,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        StoredUnattributedContact contact = store.contact(event.contactId()).orElse(null);
        if (contact == null) {
            String owner = organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation;
            contact = StoredUnattributedContact.recorded(event, owner, recordedAt, sequence,
                    store.bucketForNext(owner, event.queue()));
            store.insert(contact);
        }
        if (!contact.queued()) {
            store.enqueue(contact.organisation(), contact.queue(), contact.bucket(), contact.contactId());
            store.set(contact.contactId(), StoredUnattributedContact.QUEUED, true);
        }
    }

    @EventHandler
    public void on(UnattributedContactAttached event, @SequenceNumber long sequence) {
        leaveQueue(event.contactId(), sequence, contact -> contact.attached(event.customerId(), event.attachedBy(), sequence));
    }

    @EventHandler
    public void on(UnattributedContactClosed event, @SequenceNumber long sequence) {
        leaveQueue(event.contactId(), sequence, contact -> contact.closed(event.reason(), event.closedBy(), sequence));
    }

    private void leaveQueue(String contactId, long sequence, Consumer<StoredUnattributedContact> change) {
        StoredUnattributedContact contact = store.contact(contactId).orElseThrow(() -> new IllegalStateException(
                "unattributed contact " + contactId + " has no document to apply event " + sequence
                        + " to: its recording was not applied"));
        long previousPosition = contact.position();
        if (sequence > previousPosition) {
            change.accept(contact);
            contact.document().append(StoredUnattributedContact.DEQUEUED, false);
            if (!store.replace(contact, previousPosition)) {
                throw new IllegalStateException("the document of unattributed contact " + contactId
                        + " changed while event " + sequence + " was applied: is a second processor writing it?");
            }
        }
        if (!contact.dequeued()) {
            store.dequeue(contact.organisation(), contact.queue(), contact.bucket(), contactId);
            store.set(contactId, StoredUnattributedContact.DEQUEUED, true);
        }
    }
}
