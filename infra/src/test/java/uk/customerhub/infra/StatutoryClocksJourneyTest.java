package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.clocks.WorkingDayCalendar;
import uk.customerhub.infra.clocks.OverdueClockPoller;
import uk.customerhub.projections.clocks.StatutoryClockTimers;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Statutory clocks through the running hub: FOI, subject access requests and complaints recorded over HTTP show their
 * due dates on the single view (the resident's only for what they may see); complaints escalate and responses stop
 * clocks from the agent console; and when the hub's clock is moved past a due date the timer produces the overdue
 * event, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatutoryClocksJourneyTest {
    private static final StatutoryTargets TARGETS = StatutoryTargets.defaults();

    private RunningHub hub;
    private MovableHubClock clock;
    private String agent;

    @BeforeAll
    void start() {
        hub = RunningHub.start(List.of(MovableHubClock.Sources.class), "--hub.mongo.embedded=MEMORY",
                "--hub.clocks.poll-interval=200ms");
        clock = hub.bean(MovableHubClock.class);
        agent = hub.token("staff:agent-" + UUID.randomUUID(), "AGENT", null);
    }

    @AfterAll
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void the_resident_sees_the_due_date_of_their_subject_access_request_and_staff_see_every_clock() {
        String resident = hub.token("urn:fdc:gov.uk:2022:clocks-" + UUID.randomUUID(), "RESIDENT", "P2");
        JsonNode sar = created(hub.client.post("/portal/me/contacts", resident, """
                {"type":"SUBJECT_ACCESS_REQUEST","summary":"Please send me a copy of the data you hold about me"}"""));
        String customerId = sar.get("customerId").asText();
        JsonNode complaint = created(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"PHONE","type":"COMPLAINT","summary":"Unhappy with how a call was handled",
                 "visibility":"STAFF_ONLY"}"""));

        JsonNode mine = hub.client.get("/portal/me?awaitPosition=" + complaint.get("position").asLong(), resident).json();
        JsonNode staff = view(customerId, complaint.get("position").asLong());

        assertThat(mine.get("statutoryClocks")).hasSize(1);
        JsonNode sarClock = mine.get("statutoryClocks").get(0);
        assertThat(sarClock.get("kind").asText()).isEqualTo("SUBJECT_ACCESS_REQUEST");
        assertThat(sarClock.get("contactId").asText()).isEqualTo(sar.get("contactId").asText());
        assertThat(sarClock.get("status").asText()).isEqualTo("OPEN");
        assertThat(LocalDate.parse(sarClock.get("dueDate").asText())).isEqualTo(TARGETS.dueDate(
                StatutoryClockKind.SUBJECT_ACCESS_REQUEST, null, Instant.parse(sarClock.get("receivedAt").asText())));
        assertThat(staff.get("statutoryClocks")).extracting(c -> c.get("kind").asText())
                .as("the complaint's stage 1 is due before the request").containsExactly("COMPLAINT", "SUBJECT_ACCESS_REQUEST");
        JsonNode stageOne = staff.get("statutoryClocks").get(0);
        assertThat(stageOne.get("stage").asInt()).isEqualTo(1);
        assertThat(LocalDate.parse(stageOne.get("dueDate").asText())).isEqualTo(TARGETS.dueDate(
                StatutoryClockKind.COMPLAINT, 1, Instant.parse(stageOne.get("receivedAt").asText())));
    }

    @Test
    void a_clock_past_its_due_date_becomes_overdue_once_when_the_timer_next_looks() {
        String customerId = register("Overdue");
        JsonNode foi = created(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"EMAIL","type":"FOI_REQUEST","summary":"How many potholes were repaired in 2025?"}"""));
        String clockId = foi.get("contactId").asText();
        JsonNode open = view(customerId, foi.get("position").asLong()).get("statutoryClocks").get(0);
        LocalDate due = LocalDate.parse(open.get("dueDate").asText());
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        hub.awaitCaughtUp(StatutoryClockTimers.PROCESSING_GROUP);
        assertThat(hub.collection(StatutoryClockTimers.COLLECTION)).containsKey(clockId);

        try {
            clock.moveTo(WorkingDayCalendar.endOfDay(due).minusSeconds(60));
            pause(Duration.ofSeconds(1));
            assertThat(overdueEvents(customerId)).as("on the due date itself the clock still runs").isEmpty();

            clock.moveTo(WorkingDayCalendar.endOfDay(due).plusSeconds(1));
            RunningHub.await("the FOI clock to show overdue", () -> statusOf(customerId, clockId).equals("OVERDUE"),
                    () -> view(customerId, null).get("statutoryClocks").toString());
            pause(Duration.ofSeconds(1)); // several more looks of the timer
        } finally {
            clock.reset();
        }

        List<? extends DomainEventMessage<?>> overdue = overdueEvents(customerId);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).getPayload()).isEqualTo(new StatutoryClockOverdue(customerId, clockId, clockId,
                StatutoryClockKind.FOI_REQUEST, null, due, WorkingDayCalendar.endOfDay(due)));
        assertThat(overdue.get(0).getMetaData().get(Provenance.ACTOR)).isEqualTo(OverdueClockPoller.ACTOR);
        assertThat(overdue.get(0).getMetaData().get(Provenance.ON_BEHALF_OF)).isEqualTo(customerId);
        assertThat(overdue.get(0).getMetaData().get(Provenance.ORGANISATION)).isEqualTo("council");
        hub.awaitCaughtUp(StatutoryClockTimers.PROCESSING_GROUP);
        assertThat(hub.collection(StatutoryClockTimers.COLLECTION)).doesNotContainKey(clockId);
    }

    @Test
    void an_agent_escalates_a_complaint_and_records_the_response() {
        String customerId = register("Escalation");
        JsonNode complaint = created(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"FACE_TO_FACE","type":"COMPLAINT","summary":"The bin crew damaged my fence",
                 "accessPoint":"Central Library"}"""));
        String contactId = complaint.get("contactId").asText();
        String contactPath = "/console/customers/" + customerId + "/contacts/" + contactId;

        JsonNode escalated = created(hub.client.post(contactPath + "/escalation", agent, ""));
        JsonNode afterEscalation = view(customerId, escalated.get("position").asLong());

        assertThat(afterEscalation.get("statutoryClocks")).extracting(c -> c.get("clockId").asText(),
                        c -> c.get("status").asText(), c -> c.path("stopReason").asText())
                .containsExactly(tuple(contactId + ":stage-2", "OPEN", ""),
                        tuple(contactId + ":stage-1", "STOPPED", "ESCALATED"));
        JsonNode stageTwo = afterEscalation.get("statutoryClocks").get(0);
        assertThat(LocalDate.parse(stageTwo.get("dueDate").asText())).isEqualTo(TARGETS.dueDate(
                StatutoryClockKind.COMPLAINT, 2, Instant.parse(stageTwo.get("receivedAt").asText())));
        assertThat(created(hub.client.post(contactPath + "/escalation", agent, "{}")))
                .as("escalating again answers the first escalation").isEqualTo(escalated);

        JsonNode responded = created(hub.client.post(contactPath + "/response", agent, """
                {"channel":"LETTER"}"""));
        JsonNode afterResponse = view(customerId, responded.get("position").asLong());

        assertThat(afterResponse.get("statutoryClocks").get(0).get("clockId").asText()).isEqualTo(contactId + ":stage-2");
        assertThat(afterResponse.get("statutoryClocks").get(0).get("status").asText()).isEqualTo("STOPPED");
        assertThat(afterResponse.get("statutoryClocks").get(0).get("stopReason").asText()).isEqualTo("RESPONDED");
        assertThat(created(hub.client.post(contactPath + "/response", agent, "")))
                .as("recording the response again answers the first receipt").isEqualTo(responded);
        hub.awaitCaughtUp(StatutoryClockTimers.PROCESSING_GROUP);
        assertThat(hub.collection(StatutoryClockTimers.COLLECTION))
                .doesNotContainKeys(contactId + ":stage-1", contactId + ":stage-2");
        List<? extends DomainEventMessage<?>> events = hub.bean(EventStore.class).readEvents(customerId).asStream().toList();
        assertThat(events.get(events.size() - 1).getMetaData().get(Provenance.CHANNEL)).isEqualTo("LETTER");
        assertThat(events.get(events.size() - 1).getMetaData().get(Provenance.ACTOR)).asString().startsWith("staff:agent-");
    }

    @Test
    void requests_the_record_cannot_act_on_are_problems() {
        String customerId = register("Problems");
        JsonNode enquiry = created(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"PHONE","type":"ENQUIRY","summary":"When is the library open?"}"""));
        JsonNode foi = created(hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                {"channel":"EMAIL","type":"FOI_REQUEST","summary":"What did the council spend on consultants?"}"""));
        String base = "/console/customers/" + customerId + "/contacts/";

        HubClient.Response noClock = hub.client.post(base + enquiry.get("contactId").asText() + "/response", agent, "");
        HubClient.Response notAComplaint = hub.client.post(base + foi.get("contactId").asText() + "/escalation", agent, "");
        HubClient.Response future = hub.client.post(base + foi.get("contactId").asText() + "/response", agent,
                "{\"respondedAt\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}");
        HubClient.Response unknownField = hub.client.post(base + foi.get("contactId").asText() + "/response", agent,
                "{\"answeredAt\":\"2026-01-01T00:00:00Z\"}");
        HubClient.Response unknownCustomer = hub.client.post("/console/customers/nobody-" + UUID.randomUUID()
                + "/contacts/c-1/response", agent, "");
        HubClient.Response resident = hub.client.post(base + foi.get("contactId").asText() + "/response",
                hub.token("urn:fdc:gov.uk:2022:nosy-" + UUID.randomUUID(), "RESIDENT", "P2"), "");

        assertThat(List.of(noClock, notAComplaint, future, unknownField, unknownCustomer, resident))
                .extracting(HubClient.Response::status).containsExactly(400, 400, 400, 400, 404, 403);
        assertThat(List.of(noClock, notAComplaint, future, unknownField, unknownCustomer))
                .allSatisfy(response -> assertThat(response.isProblem()).as(response.body()).isTrue());
        assertThat(noClock.json().get("errors").get(0).get("field").asText()).isEqualTo("contactId");
        assertThat(future.json().get("errors").get(0).get("field").asText()).isEqualTo("respondedAt");
        assertThat(statusOf(customerId, foi.get("contactId").asText())).as("nothing changed").isEqualTo("OPEN");
    }

    private String register(String familyName) {
        return created(hub.client.post("/console/customers", agent, "{\"category\":\"RESIDENT\",\"givenName\":\"Sam\","
                + "\"familyName\":\"" + familyName + "\"}")).get("customerId").asText();
    }

    private static JsonNode created(HubClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode view(String customerId, Long awaitPosition) {
        return hub.client.get("/console/customers/" + customerId + (awaitPosition == null ? "" : "?awaitPosition=" + awaitPosition),
                agent).json();
    }

    private String statusOf(String customerId, String clockId) {
        return StreamSupport.stream(view(customerId, null).get("statutoryClocks").spliterator(), false)
                .filter(c -> c.get("clockId").asText().equals(clockId))
                .map(c -> c.get("status").asText())
                .findFirst().orElse("ABSENT");
    }

    private List<? extends DomainEventMessage<?>> overdueEvents(String customerId) {
        return hub.bean(EventStore.class).readEvents(customerId).asStream()
                .filter(event -> event.getPayload() instanceof StatutoryClockOverdue)
                .toList();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
