package uk.customerhub.customer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import uk.customerhub.api.MarkSlaBreached;
import uk.customerhub.api.PauseSlaClock;
import uk.customerhub.api.RerouteServiceRequest;
import uk.customerhub.api.ResumeSlaClock;
import uk.customerhub.api.RouteServiceRequest;
import uk.customerhub.api.ServiceRequestRerouted;
import uk.customerhub.api.ServiceRequestRouted;
import uk.customerhub.api.ServiceRequestStatus;
import uk.customerhub.api.ServiceRequestStatusUpdated;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockResumed;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.SlaTargetMet;
import uk.customerhub.api.SlaTargetStatus;
import uk.customerhub.api.UnknownServiceRequestException;
import uk.customerhub.api.UpdateServiceRequestStatus;
import uk.customerhub.api.CompleteWorklistTask;
import uk.customerhub.api.WorklistTaskCompleted;
import uk.customerhub.api.ComplaintEscalated;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactMovedIn;
import uk.customerhub.api.ContactMovedOut;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.MergeCustomerInto;
import uk.customerhub.api.MergeCustomers;
import uk.customerhub.api.MoveContact;
import uk.customerhub.api.MovedContact;
import uk.customerhub.api.ReceiveMovedContact;
import uk.customerhub.api.UnmergeCustomerFrom;
import uk.customerhub.api.UnmergeCustomers;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Direction;
import uk.customerhub.api.EscalateComplaint;
import uk.customerhub.api.Identity;
import uk.customerhub.api.IdentityKind;
import uk.customerhub.api.IdentityLinked;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.LinkIdentity;
import uk.customerhub.api.MarkStatutoryClockOverdue;
import uk.customerhub.api.Outcome;
import uk.customerhub.api.ProfileUpdated;
import uk.customerhub.api.RaiseServiceRequest;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordContact;
import uk.customerhub.api.RecordDeliveryFailure;
import uk.customerhub.api.RecordStatutoryResponse;
import uk.customerhub.api.RegisterCustomer;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceRequestRaised;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.StatutoryClocks;
import uk.customerhub.api.UpdateProfile;
import uk.customerhub.api.Visibility;
import uk.customerhub.catalogue.ServiceCatalogue;
import uk.customerhub.catalogue.ServiceRequestValidation;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.clocks.WorkingDayCalendar;
import uk.customerhub.identity.UniqueKeys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The integrated customer record: every contact a customer makes, on every channel, is an event of this aggregate.
 * It checks the record's rules and applies events; it knows nothing of storage, HTTP or Spring.
 * <p>
 * An inbound FOI request, subject access request or complaint starts a statutory clock in the same command that
 * records it; when the clock's answer is due is for {@link StatutoryTargets} to say. A clock stops when the response
 * is recorded or (a complaint's stage 1) when the complaint is escalated, and becomes overdue, once, when the hub's
 * timer reports its due date has passed.
 */
public class Customer {

    private static final String REGISTRATION_FINGERPRINT = "registrationFingerprint";
    private static final String UPDATE_FINGERPRINT = "updateFingerprint";
    private static final String UPDATE_ID = "updateId";
    /** How far ahead of the record's clock a reported response or escalation time may be (clients' clocks drift). */
    private static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String customerId;
    private String registrationFingerprint;
    private long registrationPosition = -1;
    private CustomerCategory category;
    private CustomerProfile profile;
    private final Set<Identity> identities = new LinkedHashSet<>();
    private final Map<String, RecordedContactId> contacts = new HashMap<>();
    /** Every statutory clock of the record by clock id, stopped ones included (to answer retries). */
    private final Map<String, StatutoryClock> clocks = new HashMap<>();
    /** Every service request of the record by id: its routing, provider updates and service level clock. */
    private final Map<String, TrackedServiceRequest> serviceRequests = new HashMap<>();
    /** Worklist tasks completed on this record, by task id, with the position of their completion. */
    private final Map<String, Long> completedTasks = new HashMap<>();
    private long position = -1;
    /** Webhooks about this record's service requests that the hub gave up delivering (their ids), to answer retries. */
    private final Set<String> failedDeliveries = new HashSet<>();
    /** The record this one was merged into, while it is (see the merge handlers at the end); null otherwise. */
    private String mergedInto;
    /** The merge into {@link #mergedInto}, or the last unmerge from each survivor, by survivor id. */
    private final Map<String, MergeState> mergesInto = new HashMap<>();
    /** The records merged into this one now, by retired id, with their merge. */
    private final Map<String, MergeState> mergedRecords = new HashMap<>();
    /** The last unmerge of each record that was merged into this one and no longer is, by retired id. */
    private final Map<String, MergeState> unmergedRecords = new HashMap<>();
    /** Contacts an agent moved from this record to another, by contact id (see the move handlers at the end). */
    private final Map<String, ContactMove> movedOut = new HashMap<>();
    /** Contacts an agent moved to this record from another, by contact id. */
    private final Map<String, ContactMove> movedIn = new HashMap<>();

    protected Customer() {
        // required by Axon to rebuild the record from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(RegisterCustomer command, UniqueKeys uniqueKeys) {
        String fingerprint = Fingerprint.of(command);
        if (customerId != null) {
            if (fingerprint.equals(registrationFingerprint)) {
                return Receipt.of(customerId, registrationPosition);
            }
            throw new ConflictingRequestException("customer " + command.customerId() + " is already registered with other details");
        }
        List<Identity> toLink = new ArrayList<>(command.identities());
        toLink.addAll(contactPointsOf(command.personal()));
        // refuse before claiming anything, so a refused registration leaves none of its identities claimed
        for (Identity identity : toLink) {
            refuseIfExclusiveToAnother(uniqueKeys, command.customerId(), identity);
        }
        for (Identity identity : toLink) {
            claimIfExclusive(uniqueKeys, command.customerId(), identity);
        }
        // every event of the registration carries its fingerprint, so a retry can answer with the same receipt
        MetaData registration = MetaData.with(REGISTRATION_FINGERPRINT, fingerprint);
        apply(new CustomerRegistered(command.customerId(), command.category(), command.personal(),
                command.provisional() ? Boolean.TRUE : null), registration);
        toLink.stream().distinct()
                .forEach(identity -> apply(new IdentityLinked(command.customerId(), identity), registration));
        return Receipt.of(customerId, position);
    }

    @CommandHandler
    public Receipt handle(UpdateProfile command) {
        refuseIfMerged();
        CustomerProfile updated = profile.updatedWith(command.change());
        CustomerCategory newCategory = command.category() != null ? command.category() : category;
        if (!updated.equals(profile) || newCategory != category) {
            apply(new ProfileUpdated(customerId, newCategory, updated));
        }
        contactPointsOf(updated).stream()
                .filter(identity -> !identities.contains(identity))
                .forEach(identity -> apply(new IdentityLinked(customerId, identity)));
        return Receipt.of(customerId, position);
    }

    @CommandHandler
    public Receipt handle(LinkIdentity command, UniqueKeys uniqueKeys) {
        if (!identities.contains(command.identity())) {
            refuseIfMerged();
            claimIfExclusive(uniqueKeys, customerId, command.identity());
            apply(new IdentityLinked(customerId, command.identity()));
        }
        return Receipt.of(customerId, position);
    }

    @CommandHandler
    public Receipt handle(RecordContact command, UniqueKeys uniqueKeys, StatutoryTargets targets) {
        String fingerprint = Fingerprint.of(command);
        RecordedContactId earlier = contacts.get(command.contactId());
        if (earlier != null) {
            return sameOrConflict(command.contactId(), earlier, fingerprint);
        }
        refuseIfMerged();
        claimContact(uniqueKeys, command.contactId(), fingerprint);
        Instant occurredAt = occurredAt(command.occurredAt());
        apply(new ContactRecorded(customerId, command.contactId(), command.channel(), command.type(),
                        command.direction(), occurredAt, command.recordedBy(), command.outcome(),
                        command.visibility(), command.specialism(), command.personal()),
                MetaData.with("contactFingerprint", fingerprint));
        StatutoryClockKind kind = StatutoryClockKind.startedBy(command.type());
        if (kind != null && command.direction() == Direction.INBOUND) {
            startClock(targets, command.contactId(), kind, StatutoryTargets.firstStage(kind), occurredAt,
                    command.visibility(), command.specialism());
        }
        return new Receipt(customerId, command.contactId(), null, position);
    }

    @CommandHandler
    public Receipt handle(EscalateComplaint command, StatutoryTargets targets) {
        StatutoryClock current = currentClockOf(command.contactId());
        if (current.kind() != StatutoryClockKind.COMPLAINT) {
            throw new InvalidInputException("contactId", "is not a complaint, so it cannot be escalated");
        }
        if (current.stage() >= 2) {
            return new Receipt(customerId, command.contactId(), null, current.startedPosition());
        }
        Instant escalatedAt = reportedTime("escalatedAt", command.escalatedAt(), current);
        apply(new ComplaintEscalated(customerId, command.contactId(), 2, escalatedAt));
        if (current.status() != StatutoryClockStatus.STOPPED) {
            stopClock(current, StatutoryClockStopReason.ESCALATED, escalatedAt);
        }
        startClock(targets, command.contactId(), StatutoryClockKind.COMPLAINT, 2, escalatedAt,
                current.visibility(), current.specialism());
        return new Receipt(customerId, command.contactId(), null, position);
    }

    @CommandHandler
    public Receipt handle(RecordStatutoryResponse command) {
        StatutoryClock current = currentClockOf(command.contactId());
        if (current.status() == StatutoryClockStatus.STOPPED) {
            return new Receipt(customerId, command.contactId(), null, current.changedPosition());
        }
        stopClock(current, StatutoryClockStopReason.RESPONDED, reportedTime("respondedAt", command.respondedAt(), current));
        return new Receipt(customerId, command.contactId(), null, position);
    }

    /** Answers the clock's status after the command, or null when this record has no such clock. */
    @CommandHandler
    public StatutoryClockStatus handle(MarkStatutoryClockOverdue command) {
        StatutoryClock clock = clocks.get(command.clockId());
        if (clock == null) {
            return null;
        }
        if (clock.status() == StatutoryClockStatus.OPEN && !command.asOf().isBefore(clock.dueAt())) {
            apply(new StatutoryClockOverdue(customerId, clock.clockId(), clock.contactId(), clock.kind(), clock.stage(),
                    clock.dueDate(), clock.dueAt()));
        }
        return clocks.get(command.clockId()).status();
    }

    private void startClock(StatutoryTargets targets, String contactId, StatutoryClockKind kind, Integer stage,
                            Instant from, Visibility visibility, Specialism specialism) {
        LocalDate dueDate = targets.dueDate(kind, stage, from);
        apply(new StatutoryClockStarted(customerId, StatutoryClocks.clockId(contactId, stage), contactId, kind, stage,
                from, dueDate, StatutoryTargets.overdueFrom(dueDate), visibility, specialism));
    }

    private void stopClock(StatutoryClock clock, StatutoryClockStopReason reason, Instant at) {
        apply(new StatutoryClockStopped(customerId, clock.clockId(), clock.contactId(), clock.kind(), clock.stage(),
                reason, at, at.isBefore(clock.dueAt())));
    }

    /** The clock a contact runs now: a complaint's latest stage, or the request's only clock. */
    private StatutoryClock currentClockOf(String contactId) {
        refuseIfMovedOut(contactId);
        for (Integer stage : new Integer[]{2, 1, null}) {
            StatutoryClock clock = clocks.get(StatutoryClocks.clockId(contactId, stage));
            if (clock != null) {
                return clock;
            }
        }
        throw new InvalidInputException("contactId", contacts.containsKey(contactId)
                ? "is not an FOI request, subject access request or complaint with a statutory clock"
                : "is not a contact on this record");
    }

    /** A time reported for an action on a clock: now when left out; never before the clock started, nor in the future. */
    private static Instant reportedTime(String field, Instant reported, StatutoryClock clock) {
        Instant now = GenericEventMessage.clock.instant();
        if (reported == null) {
            return now;
        }
        if (reported.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException(field, "must not be in the future");
        }
        if (reported.isBefore(clock.receivedAt())) {
            throw new InvalidInputException(field, "must not be before the clock started (" + clock.receivedAt() + ")");
        }
        return reported;
    }

    /**
     * Raises a service request through a contact. The request must name a service of the catalogue and answer its
     * questions as its definition says (else invalid input naming the attribute); it records the definition's version.
     * A service restricted to a specialism (a safeguarding referral) makes the contact and the request restricted cases
     * of that specialism, whatever the channel asked for.
     */
    @CommandHandler
    public Receipt handle(RaiseServiceRequest command, UniqueKeys uniqueKeys, ServiceCatalogue catalogue) {
        String fingerprint = Fingerprint.of(command);
        RecordedContactId earlier = contacts.get(command.contactId());
        if (earlier != null) {
            return sameOrConflict(command.contactId(), earlier, fingerprint);
        }
        refuseIfMerged();
        ServiceDefinition service = catalogue.service(command.serviceCode())
                .orElseThrow(() -> new InvalidInputException("serviceCode", "is not a service of the catalogue"));
        ServiceRequestValidation.check(service, command.personal());
        if (catalogue.routingRules(service.serviceCode()).isEmpty()) {
            // every request accepted must have an owner: a service nobody can be routed to takes no requests yet
            throw new InvalidInputException("serviceCode", "takes no requests yet: it has no routing rules");
        }
        Visibility visibility = service.restrictedTo() != null ? Visibility.RESTRICTED : command.visibility();
        Specialism specialism = service.restrictedTo() != null ? service.restrictedTo() : command.specialism();
        String requestOwner = customerId + "|" + command.contactId();
        // refuse a service request id in use before claiming the contact id, so a refusal leaves the contact id free
        if (uniqueKeys.ownerOf(KeyNamespaces.SERVICE_REQUEST, command.serviceRequestId())
                .filter(owner -> !owner.equals(requestOwner)).isPresent()) {
            throw serviceRequestIdInUse(command.serviceRequestId());
        }
        claimContact(uniqueKeys, command.contactId(), fingerprint);
        if (!uniqueKeys.claim(KeyNamespaces.SERVICE_REQUEST, command.serviceRequestId(), requestOwner).equals(requestOwner)) {
            throw serviceRequestIdInUse(command.serviceRequestId());
        }
        apply(new ContactRecorded(customerId, command.contactId(), command.channel(), ContactType.SERVICE_REQUEST,
                        Direction.INBOUND, occurredAt(command.occurredAt()), command.recordedBy(), Outcome.SERVICE_REQUEST_RAISED,
                        visibility, specialism, new ContactNarrative(command.personal().description())),
                MetaData.with("contactFingerprint", fingerprint)
                        .and("serviceRequestId", command.serviceRequestId()));
        apply(new ServiceRequestRaised(customerId, command.serviceRequestId(), command.contactId(),
                command.serviceCode(), visibility, specialism, command.personal(), service.version(), category));
        return new Receipt(customerId, command.contactId(), command.serviceRequestId(), position);
    }

    /**
     * The hub gave up delivering a webhook about one of this record's service requests: staff must follow it up.
     * Recorded once per webhook id; a repeat (the delivery poller retrying after a crash) changes nothing.
     */
    @CommandHandler
    public Receipt handle(RecordDeliveryFailure command) {
        if (failedDeliveries.contains(command.webhookId())) {
            return new Receipt(customerId, null, command.serviceRequestId(), position);
        }
        boolean ours = contacts.values().stream().anyMatch(contact -> command.serviceRequestId().equals(contact.serviceRequestId()));
        if (!ours) {
            throw new InvalidInputException("serviceRequestId", "is not a service request on this record");
        }
        apply(new ServiceRequestDeliveryFailed(customerId, command.serviceRequestId(), command.providerId(),
                command.webhookId(), command.attempts(), command.lastError(), GenericEventMessage.clock.instant()));
        return new Receipt(customerId, null, command.serviceRequestId(), position);
    }

    // ---- a service request after it is raised: routed to one provider, re-routed, updated by that provider, and its
    // ---- service level clock (started on routing, paused and resumed by staff, met by the provider, breached by the timer)

    /**
     * Records the router's decision and starts the request's service level clock with the targets of the service
     * version the request was raised against. A second route of the same request (a redelivered or replayed event)
     * changes nothing and answers the first route's receipt.
     */
    @CommandHandler
    public Receipt handle(RouteServiceRequest command, ServiceCatalogue catalogue, StatutoryTargets targets) {
        TrackedServiceRequest request = serviceRequest(command.serviceRequestId());
        if (request.routed()) {
            return receiptOf(request, request.routedPosition());
        }
        apply(new ServiceRequestRouted(customerId, request.serviceRequestId(), request.serviceCode(), command.providerId(),
                command.decision(), request.visibility(), request.specialism()));
        Optional<ServiceDefinition> service = request.serviceVersion() == null
                ? catalogue.service(request.serviceCode())
                : catalogue.service(request.serviceCode(), request.serviceVersion()).or(() -> catalogue.service(request.serviceCode()));
        service.ifPresent(definition -> startSla(request, command.providerId(), definition, targets.calendar()));
        return receiptOf(request, position);
    }

    /** Staff send a routed request to another provider. To the provider it is routed to already: nothing changes. */
    @CommandHandler
    public Receipt handle(RerouteServiceRequest command, ServiceCatalogue catalogue) {
        TrackedServiceRequest request = serviceRequest(command.serviceRequestId());
        if (!request.routed()) {
            throw new ConflictingRequestException("service request " + request.serviceRequestId()
                    + " is not routed yet; it can be re-routed once the router has decided");
        }
        if (request.providerId().equals(command.providerId())) {
            return receiptOf(request, position);
        }
        if (catalogue.provider(command.providerId()).isEmpty()) {
            throw new InvalidInputException("providerId", "is not a provider of the catalogue");
        }
        apply(new ServiceRequestRerouted(customerId, request.serviceRequestId(), request.serviceCode(),
                request.providerId(), command.providerId(), command.reason(), request.visibility(), request.specialism()));
        return receiptOf(request, position);
    }

    /**
     * A provider's status update, accepted only from the provider the request is routed to now (any other is told
     * there is no such request). Idempotent on the update id. The first update meets the response target; one that
     * finishes the request meets the resolution target — or breaches a target whose time has run out.
     */
    @CommandHandler
    public Receipt handle(UpdateServiceRequestStatus command) {
        TrackedServiceRequest request = serviceRequests.get(command.serviceRequestId());
        if (request == null || !command.providerId().equals(request.providerId())) {
            throw new UnknownServiceRequestException(command.serviceRequestId());
        }
        String fingerprint = Fingerprint.of(command);
        TrackedServiceRequest.RecordedUpdate earlier = request.updates().get(command.updateId());
        if (earlier != null) {
            // an update that came with a moved contact was sent to the record it came from: compare it as sent there
            String sent = earlier.recordedOn() == null ? fingerprint : Fingerprint.of(new UpdateServiceRequestStatus(
                    earlier.recordedOn(), command.serviceRequestId(), command.providerId(), command.updateId(),
                    command.status(), command.externalStatusCode(), command.personal(), command.updatedAt()));
            if (!sent.equals(earlier.fingerprint())) {
                throw new ConflictingRequestException("update " + command.updateId() + " was already received with a different body");
            }
            return receiptOf(request, earlier.position());
        }
        Instant now = GenericEventMessage.clock.instant();
        Instant updatedAt = command.updatedAt() == null ? now : command.updatedAt();
        if (updatedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidInputException("updated_datetime", "must not be in the future");
        }
        apply(new ServiceRequestStatusUpdated(customerId, request.serviceRequestId(), command.providerId(),
                        command.updateId(), command.status(), command.externalStatusCode(), updatedAt, command.personal()),
                MetaData.with(UPDATE_FINGERPRINT, fingerprint));
        // what the update settles carries its id, so a retry of the update answers with the command's last position
        MetaData ofUpdate = MetaData.with(UPDATE_ID, command.updateId());
        if (command.status() != ServiceRequestStatus.OPEN && command.status() != ServiceRequestStatus.REOPEN) {
            settleSla(request.serviceRequestId(), SlaTarget.RESPONSE, now, ofUpdate);
        }
        if (command.status().closes()) {
            settleSla(request.serviceRequestId(), SlaTarget.RESOLUTION, now, ofUpdate);
        }
        return receiptOf(request, position);
    }

    /** Answers the target's status after the command, or null when this record has no such request or clock. */
    @CommandHandler
    public SlaTargetStatus handle(MarkSlaBreached command) {
        TrackedServiceRequest request = serviceRequests.get(command.serviceRequestId());
        if (request == null || request.sla() == null) {
            return null;
        }
        SlaClock sla = request.sla();
        if (sla.status(command.target()) == SlaTargetStatus.RUNNING && !command.asOf().isBefore(sla.dueAt(command.target()))) {
            breach(request, command.target(), MetaData.emptyInstance());
        }
        return serviceRequests.get(command.serviceRequestId()).sla().status(command.target());
    }

    @CommandHandler
    public Receipt handle(PauseSlaClock command) {
        TrackedServiceRequest request = serviceRequest(command.serviceRequestId());
        SlaClock sla = slaOf(request);
        if (sla.pausedAt() != null || (!sla.running(SlaTarget.RESPONSE) && !sla.running(SlaTarget.RESOLUTION))) {
            return receiptOf(request, sla.changedPosition());
        }
        apply(new SlaClockPaused(customerId, request.serviceRequestId(), GenericEventMessage.clock.instant(), command.reason()));
        return receiptOf(request, position);
    }

    /** Moves each running target's due date on by the working days the clock was paused (days after the pause, up to today). */
    @CommandHandler
    public Receipt handle(ResumeSlaClock command, StatutoryTargets targets) {
        TrackedServiceRequest request = serviceRequest(command.serviceRequestId());
        SlaClock sla = slaOf(request);
        if (sla.pausedAt() == null) {
            return receiptOf(request, sla.changedPosition());
        }
        Instant now = GenericEventMessage.clock.instant();
        WorkingDayCalendar calendar = targets.calendar();
        int paused = 0;
        LocalDate today = WorkingDayCalendar.dateInLondon(now);
        for (LocalDate day = WorkingDayCalendar.dateInLondon(sla.pausedAt()).plusDays(1);
             !day.isAfter(today) && paused < WorkingDayCalendar.MAX_WORKING_DAYS / 2; day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                paused++;
            }
        }
        LocalDate response = sla.running(SlaTarget.RESPONSE) ? calendar.plusWorkingDays(sla.responseDueDate(), paused) : null;
        LocalDate resolution = sla.running(SlaTarget.RESOLUTION) ? calendar.plusWorkingDays(sla.resolutionDueDate(), paused) : null;
        apply(new SlaClockResumed(customerId, request.serviceRequestId(), now, paused,
                response, response == null ? null : WorkingDayCalendar.endOfDay(response),
                resolution, resolution == null ? null : WorkingDayCalendar.endOfDay(resolution)));
        return receiptOf(request, position);
    }

    /** Completes a worklist task about one of this record's service requests, once. */
    @CommandHandler
    public Receipt handle(CompleteWorklistTask command) {
        TrackedServiceRequest request = serviceRequest(command.serviceRequestId());
        Long completed = completedTasks.get(command.taskId());
        if (completed != null) {
            return receiptOf(request, completed);
        }
        apply(new WorklistTaskCompleted(customerId, command.taskId(), request.serviceRequestId(), command.note(),
                GenericEventMessage.clock.instant()));
        return receiptOf(request, position);
    }

    private void startSla(TrackedServiceRequest request, String providerId, ServiceDefinition service, WorkingDayCalendar calendar) {
        Instant now = GenericEventMessage.clock.instant();
        LocalDate today = WorkingDayCalendar.dateInLondon(now);
        LocalDate response = calendar.plusWorkingDays(today, service.responseWorkingDays());
        LocalDate resolution = calendar.plusWorkingDays(today, service.resolutionWorkingDays());
        apply(new SlaClockStarted(customerId, request.serviceRequestId(), request.serviceCode(), providerId, now,
                service.responseWorkingDays(), response, WorkingDayCalendar.endOfDay(response),
                service.resolutionWorkingDays(), resolution, WorkingDayCalendar.endOfDay(resolution),
                request.visibility(), request.specialism()));
    }

    /** A target the provider has now met: in time (a paused clock counts up to its pause), or too late — a breach. */
    private void settleSla(String serviceRequestId, SlaTarget target, Instant at, MetaData ofUpdate) {
        TrackedServiceRequest request = serviceRequests.get(serviceRequestId);
        SlaClock sla = request.sla();
        if (sla == null || !sla.running(target)) {
            return;
        }
        Instant counted = sla.pausedAt() != null ? sla.pausedAt() : at;
        if (counted.isAfter(sla.dueAt(target))) {
            breach(request, target, ofUpdate);
        } else {
            apply(new SlaTargetMet(customerId, serviceRequestId, target, at, sla.dueAt(target)), ofUpdate);
        }
    }

    private void breach(TrackedServiceRequest request, SlaTarget target, MetaData metaData) {
        SlaClock sla = request.sla();
        apply(new SlaTargetBreached(customerId, request.serviceRequestId(), request.serviceCode(), request.providerId(),
                target, sla.dueDate(target), sla.dueAt(target), request.visibility(), request.specialism()), metaData);
    }

    private TrackedServiceRequest serviceRequest(String serviceRequestId) {
        TrackedServiceRequest request = serviceRequests.get(serviceRequestId);
        if (request == null) {
            throw new UnknownServiceRequestException(serviceRequestId);
        }
        return request;
    }

    private static SlaClock slaOf(TrackedServiceRequest request) {
        if (request.sla() == null) {
            throw new ConflictingRequestException("service request " + request.serviceRequestId()
                    + " has no service level clock yet: it starts when the request is routed");
        }
        return request.sla();
    }

    private Receipt receiptOf(TrackedServiceRequest request, long at) {
        return new Receipt(customerId, request.contactId(), request.serviceRequestId(), at);
    }

    private static ConflictingRequestException serviceRequestIdInUse(String serviceRequestId) {
        return new ConflictingRequestException("service request id " + serviceRequestId + " is already in use");
    }

    /** When a contact happened: as reported, or — when the report leaves it out — now, as the record is written. */
    private static Instant occurredAt(Instant reported) {
        return reported != null ? reported : GenericEventMessage.clock.instant();
    }

    private Receipt sameOrConflict(String contactId, RecordedContactId earlier, String fingerprint) {
        // a contact stored without a fingerprint (null) can never be proved the same: a conflict, not a crash
        if (!fingerprint.equals(earlier.fingerprint())) {
            throw new ConflictingRequestException("contact " + contactId + " was already recorded with a different body");
        }
        return new Receipt(customerId, contactId, earlier.serviceRequestId(), earlier.position());
    }

    private void claimContact(UniqueKeys uniqueKeys, String contactId, String fingerprint) {
        String owner = customerId + "|" + fingerprint;
        if (!uniqueKeys.claim(KeyNamespaces.CONTACT, contactId, owner).equals(owner)) {
            throw new ConflictingRequestException("contact id " + contactId + " is already in use with a different body");
        }
    }

    private static void refuseIfExclusiveToAnother(UniqueKeys uniqueKeys, String customerId, Identity identity) {
        if (identity.kind().exclusive()
                && uniqueKeys.ownerOf(KeyNamespaces.identity(identity.kind()), identity.value())
                .filter(owner -> !owner.equals(customerId)).isPresent()) {
            throw belongsToAnother(identity);
        }
    }

    private static void claimIfExclusive(UniqueKeys uniqueKeys, String customerId, Identity identity) {
        if (identity.kind().exclusive()
                && !uniqueKeys.claim(KeyNamespaces.identity(identity.kind()), identity.value(), customerId).equals(customerId)) {
            throw belongsToAnother(identity);
        }
    }

    private static ConflictingRequestException belongsToAnother(Identity identity) {
        return new ConflictingRequestException("this " + identity.kind().name().toLowerCase().replace('_', ' ')
                + " already belongs to another customer");
    }

    private static List<Identity> contactPointsOf(CustomerProfile profile) {
        List<Identity> points = new ArrayList<>();
        if (profile.contactDetails().email() != null) {
            points.add(new Identity(IdentityKind.EMAIL, profile.contactDetails().email()));
        }
        if (profile.contactDetails().phone() != null) {
            points.add(new Identity(IdentityKind.PHONE, profile.contactDetails().phone()));
        }
        return points;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event, @SequenceNumber long sequence,
            @MetaDataValue(REGISTRATION_FINGERPRINT) String fingerprint) {
        customerId = event.customerId();
        category = event.category();
        profile = event.personal();
        registrationFingerprint = fingerprint;
        registrationPosition = sequence;
        position = sequence;
    }

    @EventSourcingHandler
    void on(ProfileUpdated event, @SequenceNumber long sequence) {
        category = event.category();
        profile = event.personal();
        position = sequence;
    }

    @EventSourcingHandler
    void on(IdentityLinked event, @SequenceNumber long sequence,
            @MetaDataValue(REGISTRATION_FINGERPRINT) String registration) {
        identities.add(event.personal());
        if (registration != null) {
            registrationPosition = sequence;
        }
        position = sequence;
    }

    @EventSourcingHandler
    void on(ContactRecorded event, @SequenceNumber long sequence,
            @MetaDataValue("contactFingerprint") String fingerprint,
            @MetaDataValue("serviceRequestId") String serviceRequestId) {
        contacts.put(event.contactId(), new RecordedContactId(fingerprint, serviceRequestId, sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(ServiceRequestRaised event, @SequenceNumber long sequence) {
        contacts.computeIfPresent(event.contactId(),
                (id, contact) -> new RecordedContactId(contact.fingerprint(), event.serviceRequestId(), sequence));
        serviceRequests.put(event.serviceRequestId(), TrackedServiceRequest.raised(event.serviceRequestId(),
                event.contactId(), event.serviceCode(), event.serviceVersion(), event.visibility(), event.specialism()));
        position = sequence;
    }

    @EventSourcingHandler
    void on(ServiceRequestDeliveryFailed event, @SequenceNumber long sequence) {
        failedDeliveries.add(event.webhookId());
        position = sequence;
    }

    @EventSourcingHandler
    void on(ServiceRequestRouted event, @SequenceNumber long sequence) {
        serviceRequests.computeIfPresent(event.serviceRequestId(), (id, request) -> request.routedTo(event.providerId(), sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(ServiceRequestRerouted event, @SequenceNumber long sequence) {
        serviceRequests.computeIfPresent(event.serviceRequestId(), (id, request) -> request.routedTo(event.toProviderId(), sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(ServiceRequestStatusUpdated event, @SequenceNumber long sequence,
            @MetaDataValue(UPDATE_FINGERPRINT) String fingerprint) {
        serviceRequests.computeIfPresent(event.serviceRequestId(), (id, request) -> request.withUpdate(event.updateId(),
                new TrackedServiceRequest.RecordedUpdate(fingerprint, sequence),
                event.status().closes() || (request.closed() && event.status() != ServiceRequestStatus.REOPEN)));
        position = sequence;
    }

    @EventSourcingHandler
    void on(SlaClockStarted event, @SequenceNumber long sequence) {
        serviceRequests.computeIfPresent(event.serviceRequestId(), (id, request) -> request.withSla(new SlaClock(
                SlaTargetStatus.RUNNING, event.responseDueDate(), event.responseDueAt(),
                SlaTargetStatus.RUNNING, event.resolutionDueDate(), event.resolutionDueAt(), null, sequence)));
        position = sequence;
    }

    @EventSourcingHandler
    void on(SlaClockPaused event, @SequenceNumber long sequence) {
        changeSla(event.serviceRequestId(), sla -> sla.paused(event.pausedAt(), sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(SlaClockResumed event, @SequenceNumber long sequence) {
        changeSla(event.serviceRequestId(), sla -> sla.resumed(event.responseDueDate(), event.responseDueAt(),
                event.resolutionDueDate(), event.resolutionDueAt(), sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(SlaTargetMet event, @SequenceNumber long sequence, @MetaDataValue(UPDATE_ID) String updateId) {
        changeSla(event.serviceRequestId(), sla -> sla.with(event.target(), SlaTargetStatus.MET, sequence));
        settledByUpdate(event.serviceRequestId(), updateId, sequence);
        position = sequence;
    }

    @EventSourcingHandler
    void on(SlaTargetBreached event, @SequenceNumber long sequence, @MetaDataValue(UPDATE_ID) String updateId) {
        changeSla(event.serviceRequestId(), sla -> sla.with(event.target(), SlaTargetStatus.BREACHED, sequence));
        settledByUpdate(event.serviceRequestId(), updateId, sequence);
        position = sequence;
    }

    /** A target settled by a provider's update: a retry of that update answers with this later position. */
    private void settledByUpdate(String serviceRequestId, String updateId, long sequence) {
        if (updateId == null) {
            return;
        }
        serviceRequests.computeIfPresent(serviceRequestId, (id, request) -> {
            TrackedServiceRequest.RecordedUpdate update = request.updates().get(updateId);
            return update == null ? request : request.withUpdate(updateId,
                    new TrackedServiceRequest.RecordedUpdate(update.fingerprint(), sequence, update.recordedOn()), request.closed());
        });
    }

    @EventSourcingHandler
    void on(WorklistTaskCompleted event, @SequenceNumber long sequence) {
        completedTasks.put(event.taskId(), sequence);
        position = sequence;
    }

    private void changeSla(String serviceRequestId, java.util.function.UnaryOperator<SlaClock> change) {
        serviceRequests.computeIfPresent(serviceRequestId,
                (id, request) -> request.sla() == null ? request : request.withSla(change.apply(request.sla())));
    }

    @EventSourcingHandler
    void on(StatutoryClockStarted event, @SequenceNumber long sequence) {
        clocks.put(event.clockId(), new StatutoryClock(event.clockId(), event.contactId(), event.kind(), event.stage(),
                event.receivedAt(), event.dueDate(), event.dueAt(), event.visibility(), event.specialism(),
                StatutoryClockStatus.OPEN, sequence, sequence));
        if (event.stage() == null || event.stage() == 1) {
            // started by the contact's own command: a retry of that command answers with this position
            contacts.computeIfPresent(event.contactId(),
                    (id, contact) -> new RecordedContactId(contact.fingerprint(), contact.serviceRequestId(), sequence));
        }
        position = sequence;
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event, @SequenceNumber long sequence) {
        position = sequence;
    }

    @EventSourcingHandler
    void on(StatutoryClockStopped event, @SequenceNumber long sequence) {
        clocks.computeIfPresent(event.clockId(), (id, clock) -> clock.becomes(StatutoryClockStatus.STOPPED, sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(StatutoryClockOverdue event, @SequenceNumber long sequence) {
        clocks.computeIfPresent(event.clockId(), (id, clock) -> clock.becomes(StatutoryClockStatus.OVERDUE, sequence));
        position = sequence;
    }

    // ---- merge and unmerge: an agent confirms two records are one person (or that they were not) ----
    // A merge is an event on both records: CustomerMergedInto on the retired one (sent first), CustomersMerged on the
    // survivor. Nothing moves and nothing is deleted: the survivor's single view shows the retired record's history
    // beside its own, and the retired record takes no new contacts. An unmerge is the same pair of events undone.

    @CommandHandler
    public Receipt handle(MergeCustomerInto command) {
        String survivor = command.survivorCustomerId();
        if (mergedInto != null) {
            MergeState merge = mergesInto.get(mergedInto);
            if (mergedInto.equals(survivor) && command.reason().equals(merge.reason())) {
                return Receipt.of(customerId, merge.position());
            }
            throw new ConflictingRequestException(mergedInto.equals(survivor)
                    ? "customer " + customerId + " was already merged into " + survivor + " for another reason"
                    : "customer " + customerId + " is already merged into customer " + mergedInto);
        }
        if (!mergedRecords.isEmpty()) {
            throw new ConflictingRequestException("customer " + customerId + " has other records merged into it ("
                    + String.join(", ", mergedRecords.keySet().stream().sorted().toList())
                    + "): merge " + survivor + " into it instead, or unmerge those first");
        }
        apply(new CustomerMergedInto(customerId, survivor), MetaData.with(CustomersMerged.REASON, command.reason()));
        return Receipt.of(customerId, position);
    }

    @CommandHandler
    public Receipt handle(MergeCustomers command) {
        String retired = command.retiredCustomerId();
        MergeState earlier = mergedRecords.get(retired);
        if (earlier != null) {
            if (command.reason().equals(earlier.reason())) {
                return Receipt.of(customerId, earlier.position());
            }
            throw new ConflictingRequestException("customer " + retired + " was already merged into "
                    + customerId + " for another reason");
        }
        if (mergedInto != null) {
            throw new CustomerMergedException(customerId, mergedInto);
        }
        apply(new CustomersMerged(customerId, retired), MetaData.with(CustomersMerged.REASON, command.reason()));
        return Receipt.of(customerId, position);
    }

    @CommandHandler
    public Receipt handle(UnmergeCustomers command) {
        String retired = command.retiredCustomerId();
        if (mergedRecords.containsKey(retired)) {
            apply(new CustomersUnmerged(customerId, retired), MetaData.with(CustomersMerged.REASON, command.reason()));
            return Receipt.of(customerId, position);
        }
        MergeState unmerged = unmergedRecords.get(retired);
        if (unmerged != null) {
            return Receipt.of(customerId, unmerged.position());
        }
        throw new ConflictingRequestException("customer " + retired + " is not merged into customer " + customerId);
    }

    @CommandHandler
    public Receipt handle(UnmergeCustomerFrom command) {
        String survivor = command.survivorCustomerId();
        if (survivor.equals(mergedInto)) {
            apply(new CustomerUnmergedFrom(customerId, survivor), MetaData.with(CustomersMerged.REASON, command.reason()));
            return Receipt.of(customerId, position);
        }
        MergeState unmerged = mergedInto == null ? mergesInto.get(survivor) : null;
        if (unmerged != null) {
            return Receipt.of(customerId, unmerged.position());
        }
        throw new ConflictingRequestException("customer " + customerId + " is not merged into customer " + survivor);
    }

    /** A retired record takes nothing new: it belongs on the survivor. */
    private void refuseIfMerged() {
        if (mergedInto != null) {
            throw new CustomerMergedException(customerId, mergedInto);
        }
    }

    @EventSourcingHandler
    void on(CustomerMergedInto event, @SequenceNumber long sequence,
            @MetaDataValue(CustomersMerged.REASON) String reason) {
        mergedInto = event.survivorCustomerId();
        mergesInto.put(event.survivorCustomerId(), new MergeState(reason, sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(CustomerUnmergedFrom event, @SequenceNumber long sequence,
            @MetaDataValue(CustomersMerged.REASON) String reason) {
        mergedInto = null;
        mergesInto.put(event.survivorCustomerId(), new MergeState(reason, sequence));
        position = sequence;
    }

    @EventSourcingHandler
    void on(CustomersMerged event, @SequenceNumber long sequence,
            @MetaDataValue(CustomersMerged.REASON) String reason) {
        mergedRecords.put(event.retiredCustomerId(), new MergeState(reason, sequence));
        unmergedRecords.remove(event.retiredCustomerId());
        position = sequence;
    }

    @EventSourcingHandler
    void on(CustomersUnmerged event, @SequenceNumber long sequence,
            @MetaDataValue(CustomersMerged.REASON) String reason) {
        mergedRecords.remove(event.retiredCustomerId());
        unmergedRecords.put(event.retiredCustomerId(), new MergeState(reason, sequence));
        position = sequence;
    }

    // ---- moving a contact: an agent moves one contact (with the service request raised through it and its statutory
    // ---- clocks) to another record. ContactMovedOut on this record (sent first), ContactMovedIn on the destination.
    // Nothing is deleted: this record keeps the contact in its history, marked as moved and where to.

    /**
     * Moves a contact out to another record. A service request not routed yet cannot move (the router would route it
     * on this record): it can once routed.
     */
    @CommandHandler
    public Receipt handle(MoveContact command, RecordHistory history) {
        String contactId = command.contactId();
        ContactMove earlier = movedOut.get(contactId);
        if (earlier != null) {
            if (earlier.otherCustomerId().equals(command.toCustomerId()) && earlier.reason().equals(command.reason())) {
                return new Receipt(customerId, contactId, contacts.get(contactId).serviceRequestId(), earlier.position());
            }
            throw new ConflictingRequestException(earlier.otherCustomerId().equals(command.toCustomerId())
                    ? "contact " + contactId + " was already moved to customer " + command.toCustomerId() + " for another reason"
                    : "contact " + contactId + " was already moved to customer " + earlier.otherCustomerId());
        }
        RecordedContactId contact = contacts.get(contactId);
        if (contact == null) {
            throw new InvalidInputException("contactId", "is not a contact on this record");
        }
        TrackedServiceRequest request = contact.serviceRequestId() == null ? null : serviceRequests.get(contact.serviceRequestId());
        if (request != null && !request.routed()) {
            throw new ConflictingRequestException("service request " + request.serviceRequestId()
                    + " is not routed yet; its contact can be moved once the router has decided");
        }
        MovedContact moved = MovedContacts.describe(contactId, contact, request, history.of(customerId));
        apply(new ContactMovedOut(customerId, contactId, command.toCustomerId(), moved),
                MetaData.with(ContactMovedOut.REASON, command.reason()));
        return new Receipt(customerId, contactId, moved.serviceRequestId(), position);
    }

    /**
     * Takes in a contact the source record moved out to this one, as its {@link ContactMovedOut} describes it, and
     * hands the contact id and service request id over to this record (so a provider's update reaches it here).
     */
    @CommandHandler
    public Receipt handle(ReceiveMovedContact command, RecordHistory history, UniqueKeys uniqueKeys) {
        String contactId = command.contactId();
        String from = command.fromCustomerId();
        ContactMove earlier = movedIn.get(contactId);
        boolean takenIn = earlier != null && earlier.otherCustomerId().equals(from);
        if (takenIn && !movedOut.containsKey(contactId)) {
            return new Receipt(customerId, contactId, contacts.get(contactId).serviceRequestId(), earlier.position());
        }
        // the source's latest move of the contact, out or back in: only a move out to this record is still to take in
        Optional<Object> latest = history.of(from).stream()
                .map(RecordHistory.RecordedEvent::payload)
                .filter(event -> event instanceof ContactMovedOut out && out.contactId().equals(contactId)
                        || event instanceof ContactMovedIn in && in.moved().contactId().equals(contactId))
                .reduce((first, second) -> second);
        if (!(latest.orElse(null) instanceof ContactMovedOut out && out.toCustomerId().equals(customerId))) {
            if (takenIn) {
                // taken in once, moved on since, and back on the source: that move was completed long ago
                return new Receipt(customerId, contactId, contacts.get(contactId).serviceRequestId(), earlier.position());
            }
            throw new ConflictingRequestException("contact " + contactId + " was not moved from customer " + from
                    + " to customer " + customerId);
        }
        refuseIfMerged();
        if (contacts.containsKey(contactId) && !movedOut.containsKey(contactId)) {
            throw new ConflictingRequestException("contact " + contactId + " is on customer " + customerId + " already");
        }
        MovedContact moved = out.moved();
        handOver(uniqueKeys, KeyNamespaces.CONTACT, contactId, from + "|" + moved.contactFingerprint(),
                customerId + "|" + moved.contactFingerprint());
        if (moved.serviceRequestId() != null) {
            handOver(uniqueKeys, KeyNamespaces.SERVICE_REQUEST, moved.serviceRequestId(), from + "|" + contactId,
                    customerId + "|" + contactId);
        }
        apply(new ContactMovedIn(customerId, from, moved), MetaData.with(ContactMovedOut.REASON, command.reason()));
        return new Receipt(customerId, contactId, moved.serviceRequestId(), position);
    }

    private static void handOver(UniqueKeys uniqueKeys, String namespace, String key, String fromOwner, String toOwner) {
        String owner = uniqueKeys.transfer(namespace, key, fromOwner, toOwner);
        if (!toOwner.equals(owner)) {
            throw new ConflictingRequestException(namespace + " id " + key + " is held by another record than the one it moves from");
        }
    }

    /** A contact moved to another record takes nothing more here: its clocks and request are the destination's. */
    private void refuseIfMovedOut(String contactId) {
        ContactMove moved = movedOut.get(contactId);
        if (moved != null) {
            throw new ConflictingRequestException("contact " + contactId + " was moved to customer " + moved.otherCustomerId());
        }
    }

    @EventSourcingHandler
    void on(ContactMovedOut event, @SequenceNumber long sequence, @MetaDataValue(ContactMovedOut.REASON) String reason) {
        movedOut.put(event.contactId(), new ContactMove(event.toCustomerId(), reason, sequence));
        if (event.moved().serviceRequestId() != null) {
            serviceRequests.remove(event.moved().serviceRequestId());
        }
        clocks.values().removeIf(clock -> clock.contactId().equals(event.contactId()));
        position = sequence;
    }

    @EventSourcingHandler
    void on(ContactMovedIn event, @SequenceNumber long sequence, @MetaDataValue(ContactMovedOut.REASON) String reason) {
        MovedContact moved = event.moved();
        movedOut.remove(moved.contactId());
        movedIn.put(moved.contactId(), new ContactMove(event.fromCustomerId(), reason, sequence));
        contacts.put(moved.contactId(), new RecordedContactId(moved.contactFingerprint(), moved.serviceRequestId(), sequence));
        ServiceRequestRaised raised = moved.serviceRequest();
        if (raised != null) {
            Map<String, TrackedServiceRequest.RecordedUpdate> updates = new HashMap<>();
            moved.updates().forEach(update -> updates.put(update.update().updateId(),
                    new TrackedServiceRequest.RecordedUpdate(update.fingerprint(), sequence, update.update().customerId())));
            MovedContact.ServiceLevel level = moved.serviceLevel();
            SlaClock sla = level == null ? null : new SlaClock(level.response(), level.responseDueDate(),
                    level.responseDueAt(), level.resolution(), level.resolutionDueDate(), level.resolutionDueAt(),
                    level.pausedAt(), sequence);
            serviceRequests.put(raised.serviceRequestId(), new TrackedServiceRequest(raised.serviceRequestId(),
                    moved.contactId(), raised.serviceCode(), raised.serviceVersion(), raised.visibility(),
                    raised.specialism(), moved.providerId(), moved.providerId() == null ? -1 : sequence, updates,
                    moved.closed(), sla));
        }
        moved.clocks().forEach(clock -> clocks.put(clock.clockId(), new StatutoryClock(clock.clockId(),
                moved.contactId(), clock.kind(), clock.stage(), clock.receivedAt(), clock.dueDate(), clock.dueAt(),
                clock.visibility(), clock.specialism(), clock.status(), sequence, sequence)));
        position = sequence;
    }
}
