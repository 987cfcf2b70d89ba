package uk.customerhub.customer;

import uk.customerhub.api.Specialism;
import uk.customerhub.api.Visibility;

import java.util.HashMap;
import java.util.Map;

/**
 * What the record remembers of a service request after raising it: its service, who may see it, the provider it is
 * routed to now (null until the router decided), the provider updates received (by update id, to answer a retry with
 * the first receipt and to refuse the same id with another body), whether a provider reported it finished, and its
 * service level clock (null until routed).
 */
record TrackedServiceRequest(String serviceRequestId,
                             String contactId,
                             String serviceCode,
                             Integer serviceVersion,
                             Visibility visibility,
                             Specialism specialism,
                             String providerId,
                             long routedPosition,
                             Map<String, RecordedUpdate> updates,
                             boolean closed,
                             SlaClock sla) {

    TrackedServiceRequest {
        updates = updates == null ? Map.of() : Map.copyOf(updates);
    }

    static TrackedServiceRequest raised(String serviceRequestId, String contactId, String serviceCode, Integer serviceVersion,
                                        Visibility visibility, Specialism specialism) {
        return new TrackedServiceRequest(serviceRequestId, contactId, serviceCode, serviceVersion, visibility, specialism,
                null, -1, Map.of(), false, null);
    }

    boolean routed() {
        return providerId != null;
    }

    TrackedServiceRequest routedTo(String provider, long position) {
        return new TrackedServiceRequest(serviceRequestId, contactId, serviceCode, serviceVersion, visibility, specialism,
                provider, routedPosition < 0 ? position : routedPosition, updates, closed, sla);
    }

    TrackedServiceRequest withUpdate(String updateId, RecordedUpdate update, boolean nowClosed) {
        Map<String, RecordedUpdate> all = new HashMap<>(updates);
        all.put(updateId, update);
        return new TrackedServiceRequest(serviceRequestId, contactId, serviceCode, serviceVersion, visibility, specialism,
                providerId, routedPosition, all, nowClosed, sla);
    }

    TrackedServiceRequest withSla(SlaClock clock) {
        return new TrackedServiceRequest(serviceRequestId, contactId, serviceCode, serviceVersion, visibility, specialism,
                providerId, routedPosition, updates, closed, clock);
    }

    /**
     * A provider update as remembered: the fingerprint of its content and the position it was recorded at;
     * {@code recordedOn} is the record the update was sent to when it came with its contact from there (the
     * fingerprint digests the update as sent to that record), null for an update sent to this one.
     */
    record RecordedUpdate(String fingerprint, long position, String recordedOn) {
        RecordedUpdate(String fingerprint, long position) {
            this(fingerprint, position, null);
        }
    }
}
