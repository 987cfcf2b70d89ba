package uk.customerhub.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contact as it travels from one record to another: the contact as first recorded ({@code contact}, whose
 * {@code customerId} is the record it was first recorded on, and when the hub recorded it), the service request raised
 * through it if any ({@code serviceRequest}, null otherwise) and what became of it, and the contact's statutory clocks.
 * Personal data sits in the {@code personal} fields of the contact, the request and the updates.
 * <p>
 * {@code contactFingerprint} and each update's {@code fingerprint} are digests of the messages that recorded them, so
 * the destination answers a retry of those messages as the first record did.
 */
public record MovedContact(String contactId,
                           ContactRecorded contact,
                           Instant recordedAt,
                           String contactFingerprint,
                           ServiceRequestRaised serviceRequest,
                           Instant raisedAt,
                           String providerId,
                           boolean closed,
                           List<ProviderUpdate> updates,
                           ServiceLevel serviceLevel,
                           List<Clock> clocks) {

    public MovedContact {
        updates = updates == null ? List.of() : List.copyOf(updates);
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
    }

    /** The id of the service request raised through the contact, or null. */
    public String serviceRequestId() {
        return serviceRequest == null ? null : serviceRequest.serviceRequestId();
    }

    /** A provider's update of the request, as recorded, oldest first. */
    public record ProviderUpdate(ServiceRequestStatusUpdated update, Instant recordedAt, String fingerprint) {
    }

    /** The request's service level clock as it stands: each target's status and due time, and since when paused. */
    public record ServiceLevel(SlaTargetStatus response,
                               LocalDate responseDueDate,
                               Instant responseDueAt,
                               SlaTargetStatus resolution,
                               LocalDate resolutionDueDate,
                               Instant resolutionDueAt,
                               Instant pausedAt) {
    }

    /** A statutory clock of the contact as it stands (stopped ones too, with when and why). */
    public record Clock(String clockId,
                        StatutoryClockKind kind,
                        Integer stage,
                        Instant receivedAt,
                        LocalDate dueDate,
                        Instant dueAt,
                        StatutoryClockStatus status,
                        Instant stoppedAt,
                        StatutoryClockStopReason stopReason,
                        Visibility visibility,
                        Specialism specialism) {
    }
}
