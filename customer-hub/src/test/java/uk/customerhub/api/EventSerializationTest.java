package uk.customerhub.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.customerhub.customer.Customer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Events are stored forever, as JSON written by Jackson (Axon's JacksonSerializer). Every event must come back equal
 * from its JSON, whether dates are written as numbers (Jackson's default) or as ISO text (the stored format infra
 * configures), also with a mapper that refuses unknown properties, so no stray derived property (an {@code isX()}
 * method) slips into the stored form; and the JSON's shape is pinned, so renaming a stored field cannot pass
 * unnoticed.
 */
class EventSerializationTest {

    static final Instant RECORDED = Instant.parse("2025-03-04T10:15:30.123456789Z");

    static final CustomerProfile FULL_PROFILE = new CustomerProfile(
            new Name("Ada", "Lovelace"),
            LocalDate.of(1990, 1, 2),
            new ContactDetails("Ada@Example.org", "07700 900123"),
            new Address(List.of("Flat 2", "1 High Street"), "Southampton", "so147ly", "100012345678"));

    static final ServiceRequestDetails FULL_DETAILS = new ServiceRequestDetails("A mattress dumped behind the shops",
            Map.of("size", "large", "hazard", "no"),
            new ServiceLocation(50.9097, -1.4044, "Behind the shops", "100012345678", "SO14 7LY"));

    static final ContactRecorded FULL_CONTACT = new ContactRecorded("cust-1", "c-1", Channel.FACE_TO_FACE,
            ContactType.REFERRAL, Direction.INBOUND, RECORDED, RecordedBy.assisted("agent-7", "Gateway"),
            Outcome.TRANSFERRED_TO_SPECIALIST, Visibility.RESTRICTED, Specialism.CHILDRENS_SAFEGUARDING,
            new ContactNarrative("Concern raised about a child"));

    static final ServiceRequestRaised FULL_REQUEST = new ServiceRequestRaised("cust-1", "sr-1", "c-2", "fly-tipping",
            Visibility.RESIDENT_VISIBLE, null, FULL_DETAILS, 2, CustomerCategory.RESIDENT);

    /** Each kind of event, filled in as fully as it can be, and again as sparsely. */
    static List<Object> events() {
        return List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, FULL_PROFILE),
                new CustomerRegistered("cust-2", CustomerCategory.VISITOR, CustomerProfile.empty()),
                new CustomerRegistered("cust-3", CustomerCategory.RESIDENT, CustomerProfile.empty(), true),
                new ProfileUpdated("cust-1", CustomerCategory.BUSINESS, FULL_PROFILE),
                new ProfileUpdated("cust-1", CustomerCategory.RESIDENT,
                        new CustomerProfile(new Name(null, "King"), null, null, new Address(null, null, null, null))),
                new IdentityLinked("cust-1", new Identity(IdentityKind.DIGITAL_ID, "urn:fdc:gov.uk:2022:AbC")),
                new IdentityLinked("cust-1", new Identity(IdentityKind.EMAIL, "Ada@Example.org")),
                new IdentityLinked("cust-1", new Identity(IdentityKind.PHONE, "+44 (0)7700 900123")),
                new IdentityLinked("cust-1", new Identity(IdentityKind.SOCIAL_HANDLE, "X:@Someone")),
                new CustomersMerged("cust-1", "cust-2"),
                new CustomerMergedInto("cust-2", "cust-1"),
                new CustomersUnmerged("cust-1", "cust-2"),
                new CustomerUnmergedFrom("cust-2", "cust-1"),
                FULL_CONTACT,
                new ContactRecorded("cust-1", "c-3", Channel.WEB, ContactType.ENQUIRY, Direction.OUTBOUND, RECORDED,
                        RecordedBy.selfService(), null, Visibility.STAFF_ONLY, null, new ContactNarrative("Hello")),
                FULL_REQUEST,
                new ServiceRequestRaised("cust-1", "sr-2", "c-4", "adult-social-care", Visibility.RESTRICTED,
                        Specialism.ADULTS_SAFEGUARDING, new ServiceRequestDetails("Needs an assessment", null, null),
                        null, null),
                new ServiceRequestRaised("cust-1", "sr-3", "c-7", "pothole", Visibility.RESIDENT_VISIBLE, null,
                        new ServiceRequestDetails("Deep pothole", Map.of("surface", "road"),
                                new ServiceLocation(50.9, -1.4, null, null, null), "https://photos.example.org/p/1.jpg"),
                        1, CustomerCategory.RESIDENT),
                FOI_CLOCK,
                new ServiceRequestRouted("cust-1", "sr-1", "fly-tipping", "waste-operations",
                        new RoutingDecision("hazardous-waste", 3, 2, java.util.Map.of("attributes.hazardous", "yes")),
                        Visibility.RESIDENT_VISIBLE, null),
                new ServiceRequestRerouted("cust-1", "sr-2", "adult-social-care", "adult-social-care-front-door",
                        "housing-repairs", "Housing matter", Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING),
                new ServiceRequestStatusUpdated("cust-1", "sr-1", "waste-operations", "u-1", ServiceRequestStatus.ACTION_SCHEDULED,
                        "WO-77", RECORDED, new StatusNote("Crew booked for Thursday")),
                new ServiceRequestStatusUpdated("cust-1", "sr-1", "waste-operations", "u-2", ServiceRequestStatus.FIXED,
                        null, RECORDED, new StatusNote(null)),
                new SlaClockStarted("cust-1", "sr-1", "fly-tipping", "waste-operations", RECORDED, 2,
                        LocalDate.of(2025, 3, 6), java.time.Instant.parse("2025-03-07T00:00:00Z"), 10,
                        LocalDate.of(2025, 3, 18), java.time.Instant.parse("2025-03-19T00:00:00Z"), Visibility.RESIDENT_VISIBLE, null),
                new SlaClockPaused("cust-1", "sr-1", RECORDED, "Awaiting photos"),
                new WorklistTaskCompleted("cust-1", "sla-breached:sr-1:RESPONSE", "sr-1", "Chased the crew", RECORDED),
                new SlaClockResumed("cust-1", "sr-1", RECORDED, 3, null, null,
                        LocalDate.of(2025, 3, 21), java.time.Instant.parse("2025-03-22T00:00:00Z")),
                new SlaTargetMet("cust-1", "sr-1", SlaTarget.RESPONSE, RECORDED, java.time.Instant.parse("2025-03-07T00:00:00Z")),
                new SlaTargetBreached("cust-1", "sr-2", "adult-social-care", "adult-social-care-front-door",
                        SlaTarget.RESOLUTION, LocalDate.of(2025, 3, 11), java.time.Instant.parse("2025-03-12T00:00:00Z"),
                        Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING),
                new StatutoryClockStarted("cust-1", "c-6:stage-2", "c-6", StatutoryClockKind.COMPLAINT, 2, RECORDED,
                        LocalDate.of(2025, 4, 1), Instant.parse("2025-04-01T23:00:00Z"), Visibility.RESTRICTED,
                        Specialism.ADULTS_SAFEGUARDING),
                new ComplaintEscalated("cust-1", "c-6", 2, RECORDED),
                new StatutoryClockStopped("cust-1", "c-6:stage-1", "c-6", StatutoryClockKind.COMPLAINT, 1,
                        StatutoryClockStopReason.ESCALATED, RECORDED, true),
                CLOCK_STOPPED,
                CLOCK_OVERDUE,
                DELIVERY_FAILED,
                new ContactMovedOut("cust-1", "c-2", "cust-2", MOVED_REQUEST),
                new ContactMovedIn("cust-2", "cust-1", MOVED_REQUEST),
                new ContactMovedIn("cust-2", "cust-1", MOVED_CONTACT));
    }

    /** A contact with its routed, updated service request, service level clock and (for the test) a stopped clock. */
    static final MovedContact MOVED_REQUEST = new MovedContact("c-2",
            new ContactRecorded("cust-1", "c-2", Channel.WEB, ContactType.SERVICE_REQUEST, Direction.INBOUND, RECORDED,
                    RecordedBy.selfService(), Outcome.SERVICE_REQUEST_RAISED, Visibility.RESIDENT_VISIBLE, null,
                    new ContactNarrative("A mattress dumped behind the shops")),
            RECORDED, "3f2a", FULL_REQUEST, RECORDED, "waste-operations", false,
            List.of(new MovedContact.ProviderUpdate(new ServiceRequestStatusUpdated("cust-1", "sr-1", "waste-operations",
                    "u-1", ServiceRequestStatus.ACTION_SCHEDULED, "WO-77", RECORDED, new StatusNote("Crew booked")),
                    RECORDED, "9c1d")),
            new MovedContact.ServiceLevel(SlaTargetStatus.MET, LocalDate.of(2025, 3, 6),
                    Instant.parse("2025-03-07T00:00:00Z"), SlaTargetStatus.RUNNING, LocalDate.of(2025, 3, 18),
                    Instant.parse("2025-03-19T00:00:00Z"), RECORDED),
            List.of(new MovedContact.Clock("c-2", StatutoryClockKind.FOI_REQUEST, null, RECORDED, LocalDate.of(2025, 4, 1),
                    Instant.parse("2025-04-01T23:00:00Z"), StatutoryClockStatus.STOPPED, RECORDED,
                    StatutoryClockStopReason.RESPONDED, Visibility.RESIDENT_VISIBLE, null)));

    /** A plain contact: no request, no clocks, stored without a fingerprint. */
    static final MovedContact MOVED_CONTACT = new MovedContact("c-3", FULL_CONTACT, RECORDED, null, null, null, null,
            false, List.of(), null, List.of());

    static final ServiceRequestDeliveryFailed DELIVERY_FAILED = new ServiceRequestDeliveryFailed("cust-1", "sr-1",
            "highways-partner", "msg_0a1b", 10, "HTTP 503", Instant.parse("2025-03-07T10:15:30Z"));

    static final StatutoryClockStarted FOI_CLOCK = new StatutoryClockStarted("cust-1", "c-5", "c-5",
            StatutoryClockKind.FOI_REQUEST, null, RECORDED, LocalDate.of(2025, 4, 1),
            Instant.parse("2025-04-01T23:00:00Z"), Visibility.RESIDENT_VISIBLE, null);

    static final StatutoryClockStopped CLOCK_STOPPED = new StatutoryClockStopped("cust-1", "c-5", "c-5",
            StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null, StatutoryClockStopReason.RESPONDED, RECORDED, false);

    static final StatutoryClockOverdue CLOCK_OVERDUE = new StatutoryClockOverdue("cust-1", "c-6:stage-1", "c-6",
            StatutoryClockKind.COMPLAINT, 1, LocalDate.of(2025, 3, 18), Instant.parse("2025-03-19T00:00:00Z"));

    static ObjectMapper numericDates() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static ObjectMapper isoDates() {
        return numericDates().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** The mapper infra's StoredMessageSerializers gives Axon: ISO dates, unknown properties ignored. */
    static ObjectMapper storedFormat() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    static Stream<Arguments> eventsAndMappers() {
        return Stream.of(numericDates(), isoDates(), storedFormat())
                .flatMap(mapper -> events().stream().map(event -> arguments(event, mapper)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventsAndMappers")
    void every_event_comes_back_equal_from_its_json(Object event, ObjectMapper mapper) throws Exception {
        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void every_event_the_customer_record_is_rebuilt_from_is_covered() {
        Set<Class<?>> sourced = Arrays.stream(Customer.class.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(EventSourcingHandler.class))
                .map(method -> method.getParameterTypes()[0])
                .collect(Collectors.toSet());
        Set<Class<?>> covered = events().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(covered).containsAll(sourced);
    }

    static Stream<Arguments> storedShapes() {
        return Stream.of(
                arguments(new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, FULL_PROFILE), """
                        {"customerId":"cust-1","category":"RESIDENT","personal":{
                          "name":{"givenName":"Ada","familyName":"Lovelace"},
                          "dateOfBirth":"1990-01-02",
                          "contactDetails":{"email":"ada@example.org","phone":"+447700900123"},
                          "address":{"lines":["Flat 2","1 High Street"],"town":"Southampton",
                                     "postcode":"SO14 7LY","uprn":"100012345678"}}}
                        """),
                arguments(new ProfileUpdated("cust-1", CustomerCategory.BUSINESS, CustomerProfile.empty()), """
                        {"customerId":"cust-1","category":"BUSINESS","personal":{
                          "name":{"givenName":null,"familyName":null},"dateOfBirth":null,
                          "contactDetails":{"email":null,"phone":null},"address":null}}
                        """),
                arguments(new IdentityLinked("cust-1", new Identity(IdentityKind.SOCIAL_HANDLE, "X:@Someone")), """
                        {"customerId":"cust-1","personal":{"kind":"SOCIAL_HANDLE","value":"x:someone"}}
                        """),
                arguments(FULL_CONTACT, """
                        {"customerId":"cust-1","contactId":"c-1","channel":"FACE_TO_FACE","type":"REFERRAL",
                         "direction":"INBOUND","occurredAt":"2025-03-04T10:15:30.123456789Z",
                         "recordedBy":{"kind":"ASSISTED","agentId":"agent-7","accessPoint":"Gateway"},
                         "outcome":"TRANSFERRED_TO_SPECIALIST","visibility":"RESTRICTED",
                         "specialism":"CHILDRENS_SAFEGUARDING","personal":{"summary":"Concern raised about a child"}}
                        """),
                arguments(FULL_REQUEST, """
                        {"customerId":"cust-1","serviceRequestId":"sr-1","contactId":"c-2","serviceCode":"fly-tipping",
                         "visibility":"RESIDENT_VISIBLE","specialism":null,"personal":{
                           "description":"A mattress dumped behind the shops",
                           "attributes":{"hazard":"no","size":"large"},
                           "location":{"latitude":50.9097,"longitude":-1.4044,"description":"Behind the shops",
                                       "uprn":"100012345678","postcode":"SO14 7LY"}},
                         "serviceVersion":2,"customerCategory":"RESIDENT"}
                        """),
                arguments(FOI_CLOCK, """
                        {"customerId":"cust-1","clockId":"c-5","contactId":"c-5","kind":"FOI_REQUEST","stage":null,
                         "receivedAt":"2025-03-04T10:15:30.123456789Z","dueDate":"2025-04-01",
                         "dueAt":"2025-04-01T23:00:00Z","visibility":"RESIDENT_VISIBLE","specialism":null}
                        """),
                arguments(new ComplaintEscalated("cust-1", "c-6", 2, RECORDED), """
                        {"customerId":"cust-1","contactId":"c-6","stage":2,"escalatedAt":"2025-03-04T10:15:30.123456789Z"}
                        """),
                arguments(CLOCK_STOPPED, """
                        {"customerId":"cust-1","clockId":"c-5","contactId":"c-5","kind":"SUBJECT_ACCESS_REQUEST",
                         "stage":null,"reason":"RESPONDED","stoppedAt":"2025-03-04T10:15:30.123456789Z",
                         "withinTarget":false}
                        """),
                arguments(CLOCK_OVERDUE, """
                        {"customerId":"cust-1","clockId":"c-6:stage-1","contactId":"c-6","kind":"COMPLAINT","stage":1,
                         "dueDate":"2025-03-18","overdueSince":"2025-03-19T00:00:00Z"}
                        """),
                arguments(new ContactMovedIn("cust-2", "cust-1", MOVED_CONTACT), """
                        {"customerId":"cust-2","fromCustomerId":"cust-1","moved":{"contactId":"c-3",
                         "contact":{"customerId":"cust-1","contactId":"c-1","channel":"FACE_TO_FACE","type":"REFERRAL",
                           "direction":"INBOUND","occurredAt":"2025-03-04T10:15:30.123456789Z",
                           "recordedBy":{"kind":"ASSISTED","agentId":"agent-7","accessPoint":"Gateway"},
                           "outcome":"TRANSFERRED_TO_SPECIALIST","visibility":"RESTRICTED",
                           "specialism":"CHILDRENS_SAFEGUARDING","personal":{"summary":"Concern raised about a child"}},
                         "recordedAt":"2025-03-04T10:15:30.123456789Z","contactFingerprint":null,
                         "serviceRequest":null,"raisedAt":null,"providerId":null,"closed":false,"updates":[],
                         "serviceLevel":null,"clocks":[]}}
                        """),
                arguments(DELIVERY_FAILED, """
                        {"customerId":"cust-1","serviceRequestId":"sr-1","providerId":"highways-partner",
                         "webhookId":"msg_0a1b","attempts":10,"lastError":"HTTP 503","failedAt":"2025-03-07T10:15:30Z"}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedShapes")
    void the_stored_shape_of_each_event_is_stable(Object event, String expectedJson) throws Exception {
        ObjectMapper mapper = storedFormat();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(event));

        assertThat(written).isEqualTo(mapper.readTree(expectedJson));
        assertThat(mapper.readValue(expectedJson, event.getClass())).isEqualTo(event);
    }

    @Test
    void a_service_request_stored_before_the_catalogue_reads_back_with_no_version_or_category() throws Exception {
        String stored = """
                {"customerId":"cust-1","serviceRequestId":"sr-1","contactId":"c-2","serviceCode":"fly-tipping",
                 "visibility":"RESIDENT_VISIBLE","specialism":null,"personal":{"description":"A mattress",
                 "attributes":{},"location":null}}
                """;

        ServiceRequestRaised read = storedFormat().readValue(stored, ServiceRequestRaised.class);

        assertThat(read.serviceVersion()).isNull();
        assertThat(read.customerCategory()).isNull();
        assertThat(read.serviceCode()).isEqualTo("fly-tipping");
    }
}
