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
import uk.customerhub.api.ComplaintEscalated;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactNarrative;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.ContactType;
import uk.customerhub.api.CustomerCategory;
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
import uk.customerhub.api.RecordStatutoryResponse;
import uk.customerhub.api.RegisterCustomer;
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
import uk.customerhub.identity.UniqueKeys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    private long position = -1;

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
        ServiceDefinition service = catalogue.service(command.serviceCode())
                .orElseThrow(() -> new InvalidInputException("serviceCode", "is not a service of the catalogue"));
        ServiceRequestValidation.check(service, command.personal());
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
        position = sequence;
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
}
