package uk.customerhub.unattributed;

import uk.customerhub.customer.Fingerprint;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.customerhub.api.AttachUnattributedContact;
import uk.customerhub.api.CloseUnattributedContact;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordUnattributedContact;
import uk.customerhub.api.TriageQueue;
import uk.customerhub.api.UnattributedContactAttached;
import uk.customerhub.api.UnattributedContactClosed;
import uk.customerhub.api.UnattributedContactRecorded;
import uk.customerhub.api.UnattributedRecordIds;
import uk.customerhub.api.UnattributedStatus;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contact a channel could not attribute to one customer (an unknown caller, a household's shared number, an
 * unmatched social handle), kept until an agent attaches it to a customer — where it becomes a contact on that
 * customer's record, under the same contact id — or closes it as needing no action. Its record id is
 * {@link UnattributedRecordIds#of the contact id behind a prefix}. Like the customer record it knows nothing of
 * storage, HTTP or Spring.
 * <p>
 * Idempotent as contacts are: recording the same contact id again with the same content answers the first receipt
 * (whichever system delivers it), with other content is a conflict. Once attached or closed it stays so: attaching it to the same customer again
 * (a retry) answers the same, anything else is a conflict.
 */
public class UnattributedContact {
    static final String FINGERPRINT = "contactFingerprint";

    @AggregateIdentifier
    private String recordId;
    private String contactId;
    private String fingerprint;
    private long recordedPosition = -1;
    private UnattributedContactRecorded recorded;
    private UnattributedStatus status;
    private UnattributedContactAttached attached;
    private UnattributedContactClosed closed;
    private long closedPosition = -1;

    protected UnattributedContact() {
        // required by Axon to rebuild the record from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RecordUnattributedContact command) {
        String commandFingerprint = fingerprintOf(command);
        if (recordId != null) {
            // a record stored without a fingerprint (null) can never be proved the same: a conflict, not a crash
            if (!commandFingerprint.equals(fingerprint)) {
                throw new ConflictingRequestException("contact " + command.contactId() + " was already recorded with a different body");
            }
            return new Receipt(null, contactId, null, recordedPosition);
        }
        apply(new UnattributedContactRecorded(command.contactId(), TriageQueue.forChannel(command.channel()),
                        command.channel(), command.type(), command.direction(), occurredAt(command.occurredAt()),
                        command.recordedBy(), command.outcome(), command.visibility(), command.specialism(),
                        command.candidateCustomerIds(), command.sourceSystem(), command.personal()),
                MetaData.with(FINGERPRINT, commandFingerprint));
        return new Receipt(null, contactId, null, recordedPosition);
    }

    /** @return the command that records the contact on the customer's record */
    @CommandHandler
    public RecordContact handle(AttachUnattributedContact command) {
        if (status == UnattributedStatus.CLOSED) {
            throw new ConflictingRequestException("contact " + contactId + " was closed (" + closed.reason() + "); it cannot be attached");
        }
        if (status == UnattributedStatus.ATTACHED) {
            if (!attached.customerId().equals(command.customerId())) {
                throw new ConflictingRequestException("contact " + contactId + " is already attached to another customer");
            }
            return attached.recordContact();
        }
        apply(new UnattributedContactAttached(contactId, command.customerId(), command.attachedBy(),
                recorded.channel(), recorded.type(), recorded.direction(), recorded.occurredAt(), recorded.recordedBy(),
                recorded.outcome(), recorded.visibility(), recorded.specialism(), recorded.personal().narrative()));
        return attached.recordContact();
    }

    @CommandHandler
    public Receipt handle(CloseUnattributedContact command) {
        if (status == UnattributedStatus.ATTACHED) {
            throw new ConflictingRequestException("contact " + contactId + " is attached to a customer; it cannot be closed");
        }
        if (status == UnattributedStatus.CLOSED) {
            if (!closed.reason().equals(command.reason())) {
                throw new ConflictingRequestException("contact " + contactId + " was already closed for another reason");
            }
            return new Receipt(null, contactId, null, closedPosition);
        }
        apply(new UnattributedContactClosed(contactId, command.reason(), command.closedBy()));
        return new Receipt(null, contactId, null, closedPosition);
    }

    /**
     * The fingerprint of what a contact says. The source system is left out: it is who delivered it (also in the
     * metadata), not what it says, so the same message delivered by a second system (a post two listening feeds
     * picked up) is the same contact.
     */
    static String fingerprintOf(RecordUnattributedContact command) {
        return Fingerprint.of(new RecordUnattributedContact(command.contactId(), command.channel(), command.type(),
                command.direction(), command.occurredAt(), command.recordedBy(), command.outcome(), command.visibility(),
                command.specialism(), command.candidateCustomerIds(), null, command.personal()));
    }

    /** When a contact happened: as reported, or — when the report leaves it out — now, as the record is written. */
    private static Instant occurredAt(Instant reported) {
        return reported != null ? reported : GenericEventMessage.clock.instant();
    }

    @EventSourcingHandler
    void on(UnattributedContactRecorded event, @SequenceNumber long sequence,
            @MetaDataValue(FINGERPRINT) String recordedFingerprint) {
        recordId = UnattributedRecordIds.of(event.contactId());
        contactId = event.contactId();
        recorded = event;
        fingerprint = recordedFingerprint;
        recordedPosition = sequence;
        status = UnattributedStatus.OPEN;
    }

    @EventSourcingHandler
    void on(UnattributedContactAttached event) {
        attached = event;
        status = UnattributedStatus.ATTACHED;
    }

    @EventSourcingHandler
    void on(UnattributedContactClosed event, @SequenceNumber long sequence) {
        closed = event;
        closedPosition = sequence;
        status = UnattributedStatus.CLOSED;
    }
}
