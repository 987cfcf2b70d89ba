package uk.customerhub.customer;

import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes a contact for its move from the record's history: the contact as first recorded, the service request
 * raised through it with the provider's updates, and its statutory clocks as they stand. A contact that came to the
 * record by an earlier move starts from that move's description. What the record's state already knows (the request's
 * provider, its service level clock, the fingerprints that answer retries) comes from the state.
 */
final class MovedContacts {

    private MovedContacts() {
    }

    static MovedContact describe(String contactId, RecordedContactId recorded, TrackedServiceRequest request,
                                 List<RecordHistory.RecordedEvent> history) {
        ContactRecorded contact = null;
        Instant recordedAt = null;
        ServiceRequestRaised raised = null;
        Instant raisedAt = null;
        List<MovedContact.ProviderUpdate> updates = new ArrayList<>();
        Map<String, MovedContact.Clock> clocks = new LinkedHashMap<>();
        for (RecordHistory.RecordedEvent event : history) {
            Object payload = event.payload();
            if (payload instanceof ContactMovedIn in && in.moved().contactId().equals(contactId)) {
                MovedContact earlier = in.moved();
                contact = earlier.contact();
                recordedAt = earlier.recordedAt();
                raised = earlier.serviceRequest();
                raisedAt = earlier.raisedAt();
                updates = new ArrayList<>(earlier.updates());
                clocks.clear();
                earlier.clocks().forEach(clock -> clocks.put(clock.clockId(), clock));
            } else if (payload instanceof ContactRecorded recordedContact && recordedContact.contactId().equals(contactId)) {
                contact = recordedContact;
                recordedAt = event.recordedAt();
            } else if (payload instanceof ServiceRequestRaised raising && raising.contactId().equals(contactId)) {
                raised = raising;
                raisedAt = event.recordedAt();
            } else if (payload instanceof ServiceRequestStatusUpdated update && raised != null
                    && update.serviceRequestId().equals(raised.serviceRequestId())) {
                TrackedServiceRequest.RecordedUpdate known = request == null ? null : request.updates().get(update.updateId());
                updates.add(new MovedContact.ProviderUpdate(update, event.recordedAt(), known == null ? null : known.fingerprint()));
            } else if (payload instanceof StatutoryClockStarted started && started.contactId().equals(contactId)) {
                clocks.put(started.clockId(), new MovedContact.Clock(started.clockId(), started.kind(), started.stage(),
                        started.receivedAt(), started.dueDate(), started.dueAt(), StatutoryClockStatus.OPEN, null, null,
                        started.visibility(), started.specialism()));
            } else if (payload instanceof StatutoryClockOverdue overdue && clocks.containsKey(overdue.clockId())) {
                clocks.computeIfPresent(overdue.clockId(), (id, clock) -> clock.status() != StatutoryClockStatus.OPEN ? clock
                        : withStatus(clock, StatutoryClockStatus.OVERDUE, null, null));
            } else if (payload instanceof StatutoryClockStopped stopped && clocks.containsKey(stopped.clockId())) {
                clocks.computeIfPresent(stopped.clockId(),
                        (id, clock) -> withStatus(clock, StatutoryClockStatus.STOPPED, stopped.stoppedAt(), stopped.reason()));
            }
        }
        if (contact == null) {
            throw new IllegalStateException("contact " + contactId + " is on the record but not in its history");
        }
        MovedContact.ServiceLevel level = null;
        if (request != null && request.sla() != null) {
            SlaClock sla = request.sla();
            level = new MovedContact.ServiceLevel(sla.response(), sla.responseDueDate(), sla.responseDueAt(),
                    sla.resolution(), sla.resolutionDueDate(), sla.resolutionDueAt(), sla.pausedAt());
        }
        return new MovedContact(contactId, contact, recordedAt, recorded.fingerprint(), raised, raisedAt,
                request == null ? null : request.providerId(), request != null && request.closed(), updates, level,
                List.copyOf(clocks.values()));
    }

    private static MovedContact.Clock withStatus(MovedContact.Clock clock, StatutoryClockStatus status, Instant stoppedAt,
                                                 StatutoryClockStopReason reason) {
        return new MovedContact.Clock(clock.clockId(), clock.kind(), clock.stage(), clock.receivedAt(), clock.dueDate(),
                clock.dueAt(), status, stoppedAt, reason, clock.visibility(), clock.specialism());
    }
}
