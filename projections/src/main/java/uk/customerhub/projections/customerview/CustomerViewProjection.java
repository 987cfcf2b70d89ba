package uk.customerhub.projections.customerview;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import uk.customerhub.api.ComplaintEscalated;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.ContactMovedOut;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.IdentityLinked;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.ProfileUpdated;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceLevelView;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.ServiceRequestUpdate;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockResumed;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.StatutoryClockView;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelineEntryKind;
import uk.customerhub.api.Visibility;
import uk.customerhub.identity.KeyedHash;

import java.time.Instant;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Builds the single view of the customer from the events of the customer's record: the view itself, its timeline
 * entries and the lookups by identity and by surname and postcode (see {@link CustomerViewStore}).
 * <p>
 * Safe to deliver an event again, as a tracking processor may after a crash. An event whose sequence number is not
 * past the view's position has been applied and is skipped. Otherwise the entry documents and lookups it implies are
 * written first, numbered from the view's counters, and the view last, on condition that it is still at the position
 * it was read at. Should the process stop between the two, the view still holds the old counters, so the
 * redelivered event writes the same entry numbers again, and the lookups ({@code $addToSet}, {@code $pull}) are
 * unchanged by a repeat.
 * <p>
 * Events of one customer must be handled in order, one at a time (the sequencing policy of a tracking processor
 * does this by aggregate).
 */
@ProcessingGroup(CustomerViewProjection.PROCESSING_GROUP)
public class CustomerViewProjection {
    /** The processing group (tracking event processor) this projection belongs to. */
    public static final String PROCESSING_GROUP = "customer-view";
    /** The status of a service request until a status update says otherwise. */
    private static final String OPEN = "open";

    private final CustomerViewStore store;
    private final LookupKeys lookupKeys;

    public CustomerViewProjection(MongoDatabase database, KeyedHash hasher) {
        this(new CustomerViewStore(database), new LookupKeys(hasher));
    }

    /** The projection writing to another store: the view as of an instant is built in memory ({@link ViewAsOf}). */
    CustomerViewProjection(CustomerViewStore store, LookupKeys lookupKeys) {
        this.store = store;
        this.lookupKeys = lookupKeys;
    }

    @EventHandler
    public void on(CustomerRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation) {
        if (store.view(event.customerId()).isPresent()) {
            return;
        }
        String owner = organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation;
        lookupKeys.ofProfile(owner, event.personal()).forEach(key -> store.addToLookup(key, event.customerId()));
        store.insert(StoredCustomerView.registered(event.customerId(), owner, event.category(), event.personal(),
                Boolean.TRUE.equals(event.provisional()),
                recordedAt, sequence));
    }

    @EventHandler
    public void on(ProfileUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> {
            Set<String> before = lookupKeys.ofProfile(view.organisation(), view.profile());
            Set<String> after = lookupKeys.ofProfile(view.organisation(), event.personal());
            before.stream().filter(key -> !after.contains(key)).forEach(key -> store.removeFromLookup(key, view.customerId()));
            after.stream().filter(key -> !before.contains(key)).forEach(key -> store.addToLookup(key, view.customerId()));
            view.changeProfile(event.category(), event.personal());
        });
    }

    @EventHandler
    public void on(IdentityLinked event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> {
            store.addToLookup(lookupKeys.identity(view.organisation(), event.personal()), view.customerId());
            boolean digitalId = event.personal().kind() == IdentityKind.DIGITAL_ID;
            view.linkIdentity(event.personal(), digitalId ? lookupKeys.digitalId(event.personal().value()) : null);
        });
    }

    @EventHandler
    public void on(ContactRecorded event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> addEntry(view, number -> new TimelineEntry(number,
                TimelineEntryKind.CONTACT, recordedAt, event.occurredAt(), event.contactId(), null,
                event.channel(), event.type(), event.direction(), event.outcome(), event.recordedBy(),
                event.visibility(), event.specialism(), event.personal().summary(), null, null, null, sequence,
                event.personal().transcript(), null)));
    }

    @EventHandler
    public void on(ServiceRequestRaised event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> {
            addEntry(view, number -> new TimelineEntry(number, TimelineEntryKind.SERVICE_REQUEST, recordedAt, null,
                    event.contactId(), event.serviceRequestId(), null, null, null, null, null,
                    event.visibility(), event.specialism(), event.personal().description(), event.serviceCode(),
                    event.personal().attributes(), event.personal().location(), sequence));
            view.openServiceRequest(new OpenServiceRequest(event.serviceRequestId(), event.contactId(),
                    event.serviceCode(), OPEN, event.personal().description(), recordedAt, event.visibility(),
                    event.specialism()));
        });
    }

    @EventHandler
    public void on(StatutoryClockStarted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.startClock(new StatutoryClockView(event.clockId(),
                event.contactId(), event.kind(), event.stage(), event.receivedAt(), event.dueDate(),
                StatutoryClockStatus.OPEN, null, null, event.visibility(), event.specialism())));
    }

    @EventHandler
    public void on(StatutoryClockOverdue event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.clockOverdue(event.clockId()));
    }

    @EventHandler
    public void on(StatutoryClockStopped event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt,
                view -> view.clockStopped(event.clockId(), event.stoppedAt(), event.reason()));
    }

    /** The clocks' events that follow show the escalation; the view only moves to its position. */
    @EventHandler
    public void on(ComplaintEscalated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> {
        });
    }

    // ---- merges: the view only notes them; the survivor's records are combined as they are read (MergedViews) ----

    @EventHandler
    public void on(CustomersMerged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.addMergedRecord(event.retiredCustomerId()));
    }

    @EventHandler
    public void on(CustomersUnmerged event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.removeMergedRecord(event.retiredCustomerId()));
    }

    @EventHandler
    public void on(CustomerMergedInto event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.mergeInto(event.survivorCustomerId()));
    }

    @EventHandler
    public void on(CustomerUnmergedFrom event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, StoredCustomerView::unmergeFrom);
    }

    // ---- moves: the contact's entries stay on the record it leaves, marked as they are read (where to); the
    // ---- destination shows the contact, its service request and its clocks as they were moved, from then on

    @EventHandler
    public void on(ContactMovedOut event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.moveOut(event.contactId(), event.toCustomerId(),
                event.moved().serviceRequestId()));
    }

    @EventHandler
    public void on(ContactMovedIn event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        MovedContact moved = event.moved();
        ContactRecorded contact = moved.contact();
        String from = event.fromCustomerId();
        apply(event.customerId(), sequence, recordedAt, view -> {
            addEntry(view, number -> new TimelineEntry(number, TimelineEntryKind.CONTACT, recordedAt,
                    contact.occurredAt(), contact.contactId(), null, contact.channel(), contact.type(),
                    contact.direction(), contact.outcome(), contact.recordedBy(), contact.visibility(),
                    contact.specialism(), contact.personal().summary(), null, null, null, sequence,
                    contact.personal().transcript(), null, from, null));
            ServiceRequestRaised raised = moved.serviceRequest();
            if (raised != null) {
                addEntry(view, number -> new TimelineEntry(number, TimelineEntryKind.SERVICE_REQUEST, recordedAt, null,
                        raised.contactId(), raised.serviceRequestId(), null, null, null, null, null,
                        raised.visibility(), raised.specialism(), raised.personal().description(), raised.serviceCode(),
                        raised.personal().attributes(), raised.personal().location(), sequence, null, null, from, null));
                view.openServiceRequest(ServiceRequestProgress.asMoved(moved, OPEN));
                view.changeServiceRequest(raised.serviceRequestId(), request -> request);
            }
            moved.clocks().forEach(clock -> view.startClock(new StatutoryClockView(clock.clockId(),
                    moved.contactId(), clock.kind(), clock.stage(), clock.receivedAt(), clock.dueDate(), clock.status(),
                    clock.stoppedAt(), clock.stopReason(), clock.visibility(), clock.specialism())));
        });
    }

    // ---- a service request after it is raised: its provider, the provider's updates, its service level targets

    @EventHandler
    public void on(ServiceRequestRouted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.routedTo(request, event.providerId())));
    }

    @EventHandler
    public void on(ServiceRequestRerouted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.routedTo(request, event.toProviderId())));
    }

    @EventHandler
    public void on(ServiceRequestStatusUpdated event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        ServiceRequestUpdate update = new ServiceRequestUpdate(event.status().wireName(), event.externalStatusCode(),
                event.personal().text(), event.updatedAt(), event.providerId());
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.updated(request, update)));
    }

    @EventHandler
    public void on(SlaClockStarted event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        ServiceLevelView level = new ServiceLevelView(event.responseDueDate(), SlaTargetStatus.RUNNING,
                event.resolutionDueDate(), SlaTargetStatus.RUNNING);
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.withServiceLevel(request, level)));
    }

    @EventHandler
    public void on(SlaClockPaused event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.paused(request, true, null, null)));
    }

    @EventHandler
    public void on(SlaClockResumed event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.paused(request, false, event.responseDueDate(), event.resolutionDueDate())));
    }

    @EventHandler
    public void on(SlaTargetMet event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.target(request, event.target(), SlaTargetStatus.MET)));
    }

    @EventHandler
    public void on(SlaTargetBreached event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        apply(event.customerId(), sequence, recordedAt, view -> view.changeServiceRequest(event.serviceRequestId(),
                request -> ServiceRequestProgress.target(request, event.target(), SlaTargetStatus.BREACHED)));
    }

    /**
     * Applies one event to a customer's view: {@code change} writes what lies outside the view (entries, lookups)
     * and changes the view; then the view is stored, unless it was at or past this event already.
     */
    private void apply(String customerId, long sequence, Instant recordedAt, Consumer<StoredCustomerView> change) {
        StoredCustomerView view = store.view(customerId).orElseThrow(() -> new IllegalStateException(
                "customer " + customerId + " has no view to apply event " + sequence + " to: its registration was not applied"));
        long previousPosition = view.position();
        if (sequence <= previousPosition) {
            return;
        }
        change.accept(view);
        view.applied(sequence, recordedAt);
        if (!store.replace(view, previousPosition)) {
            throw new IllegalStateException("the view of customer " + customerId
                    + " changed while event " + sequence + " was applied: is a second processor writing it?");
        }
    }

    /** Numbers a new entry after the view's last, writes it, and the same for the resident when visible to them. */
    private void addEntry(StoredCustomerView view, LongFunction<TimelineEntry> numbered) {
        TimelineEntry entry = numbered.apply(view.entryCount() + 1);
        store.write(TimelineNumbering.ALL_ENTRIES, view.customerId(), entry);
        view.addEntry(entry);
        addToFilters(view, TimelineNumbering.ALL_ENTRIES, entry);
        if (entry.visibility() == Visibility.RESIDENT_VISIBLE) {
            TimelineEntry residentEntry = numbered.apply(view.residentEntryCount() + 1);
            store.write(TimelineNumbering.RESIDENT_VISIBLE, view.customerId(), residentEntry);
            view.addResidentEntry(residentEntry);
            addToFilters(view, TimelineNumbering.RESIDENT_VISIBLE, residentEntry);
        }
    }

    /** Numbers the entry in each filter it belongs to (its channel, its type, both), after the filter's last. */
    private void addToFilters(StoredCustomerView view, TimelineNumbering numbering, TimelineEntry entry) {
        for (String filter : TimelineFilters.keysOf(entry)) {
            long number = view.filteredCount(numbering, filter) + 1;
            store.writeFiltered(numbering, view.customerId(), filter, number, entry.number());
            view.addFiltered(numbering, filter, number, entry);
        }
    }
}
