package uk.customerhub.projections.customerview;

import uk.customerhub.api.MovedContact;
import uk.customerhub.api.OpenServiceRequest;
import uk.customerhub.api.ServiceLevelView;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.ServiceRequestUpdate;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a service request shown on the single view moves on after it is raised: routed (and re-routed) to a provider,
 * updated by it, and its service level targets. The view keeps every open request and the
 * {@value #FINISHED_REQUESTS} most recently finished ones, each with its {@value #UPDATES} most recent updates, so
 * the document stays bounded.
 */
final class ServiceRequestProgress {
    /** Finished requests the view keeps, the most recently updated. */
    static final int FINISHED_REQUESTS = 5;
    /** Updates kept per request, the newest. */
    static final int UPDATES = 10;

    private ServiceRequestProgress() {
    }

    static OpenServiceRequest routedTo(OpenServiceRequest request, String providerId) {
        return new OpenServiceRequest(request.serviceRequestId(), request.contactId(), request.serviceCode(),
                request.status(), request.description(), request.raisedAt(), request.visibility(), request.specialism(),
                providerId, request.statusUpdatedAt(), request.updates(), request.serviceLevel());
    }

    static OpenServiceRequest updated(OpenServiceRequest request, ServiceRequestUpdate update) {
        List<ServiceRequestUpdate> updates = new ArrayList<>(request.updates());
        updates.add(update);
        updates.sort(Comparator.comparing(ServiceRequestUpdate::updatedAt).reversed());
        boolean latest = request.statusUpdatedAt() == null || !update.updatedAt().isBefore(request.statusUpdatedAt());
        return new OpenServiceRequest(request.serviceRequestId(), request.contactId(), request.serviceCode(),
                latest ? update.status() : request.status(), request.description(), request.raisedAt(),
                request.visibility(), request.specialism(), request.providerId(),
                latest ? update.updatedAt() : request.statusUpdatedAt(),
                updates.subList(0, Math.min(UPDATES, updates.size())), request.serviceLevel());
    }

    static OpenServiceRequest withServiceLevel(OpenServiceRequest request, ServiceLevelView level) {
        return new OpenServiceRequest(request.serviceRequestId(), request.contactId(), request.serviceCode(),
                request.status(), request.description(), request.raisedAt(), request.visibility(), request.specialism(),
                request.providerId(), request.statusUpdatedAt(), request.updates(), level);
    }

    static OpenServiceRequest target(OpenServiceRequest request, SlaTarget target, SlaTargetStatus status) {
        ServiceLevelView level = request.serviceLevel();
        if (level == null) {
            return request;
        }
        return withServiceLevel(request, target == SlaTarget.RESPONSE
                ? new ServiceLevelView(level.responseDueDate(), status, level.resolutionDueDate(), level.resolution())
                : new ServiceLevelView(level.responseDueDate(), level.response(), level.resolutionDueDate(), status));
    }

    /** Pauses (or, given null, resumes) the running targets; a resumed one may have a new due date. */
    static OpenServiceRequest paused(OpenServiceRequest request, boolean paused, LocalDate newResponseDue, LocalDate newResolutionDue) {
        ServiceLevelView level = request.serviceLevel();
        if (level == null) {
            return request;
        }
        SlaTargetStatus from = paused ? SlaTargetStatus.RUNNING : SlaTargetStatus.PAUSED;
        SlaTargetStatus to = paused ? SlaTargetStatus.PAUSED : SlaTargetStatus.RUNNING;
        return withServiceLevel(request, new ServiceLevelView(
                newResponseDue != null ? newResponseDue : level.responseDueDate(), level.response() == from ? to : level.response(),
                newResolutionDue != null ? newResolutionDue : level.resolutionDueDate(), level.resolution() == from ? to : level.resolution()));
    }

    /** Whether the request is finished with (its latest status closes it). */
    static boolean finished(OpenServiceRequest request) {
        try {
            return ServiceRequestStatus.fromWireName("status", request.status()).closes();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Every open request, and the most recently finished ones only. */
    static List<OpenServiceRequest> bounded(List<OpenServiceRequest> requests) {
        List<OpenServiceRequest> finished = requests.stream().filter(ServiceRequestProgress::finished)
                .sorted(Comparator.comparing((OpenServiceRequest request) ->
                        request.statusUpdatedAt() == null ? Instant.MIN : request.statusUpdatedAt()).reversed())
                .toList();
        List<OpenServiceRequest> dropped = finished.subList(Math.min(FINISHED_REQUESTS, finished.size()), finished.size());
        return requests.stream().filter(request -> !dropped.contains(request)).toList();
    }

    /**
     * A service request moved in with its contact, as the record it left showed it: raised, routed, updated by its
     * provider and with its service level targets as they stand.
     */
    static OpenServiceRequest asMoved(MovedContact moved, String openStatus) {
        ServiceRequestRaised raised = moved.serviceRequest();
        OpenServiceRequest request = new OpenServiceRequest(raised.serviceRequestId(), raised.contactId(),
                raised.serviceCode(), openStatus, raised.personal().description(), moved.raisedAt(),
                raised.visibility(), raised.specialism());
        if (moved.providerId() != null) {
            request = routedTo(request, moved.providerId());
        }
        for (MovedContact.ProviderUpdate provider : moved.updates()) {
            ServiceRequestStatusUpdated update = provider.update();
            request = updated(request, new ServiceRequestUpdate(update.status().wireName(),
                    update.externalStatusCode(), update.personal().text(), update.updatedAt(), update.providerId()));
        }
        MovedContact.ServiceLevel level = moved.serviceLevel();
        if (level != null) {
            boolean paused = level.pausedAt() != null;
            request = withServiceLevel(request, new ServiceLevelView(level.responseDueDate(),
                    paused && level.response() == SlaTargetStatus.RUNNING ? SlaTargetStatus.PAUSED : level.response(),
                    level.resolutionDueDate(),
                    paused && level.resolution() == SlaTargetStatus.RUNNING ? SlaTargetStatus.PAUSED : level.resolution()));
        }
        return request;
    }
}
