package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import uk.customerhub.api.SlaClockPaused;
import uk.customerhub.api.SlaClockResumed;
import uk.customerhub.api.SlaClockStarted;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.infra.servicerequests.SlaBreachPoller;
import uk.customerhub.projections.sla.SlaTimers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service level targets end to end: the clock starts when the request is routed, its pending timers are kept in
 * MongoDB, the timer marks a target that ran out as breached, the breach makes a task on the staff worklist, and
 * staff complete it. Pausing stops the clock; resuming moves the due dates on.
 */
@AutoConfigureObservability
class ServiceLevelAndWorklistTest extends HubApplicationTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    SlaTimers timers;
    @Autowired
    CommandGateway commands;
    @Autowired
    MongoDatabase database;

    private static final String MISSED_BIN = """
            {"serviceCode":"missed-bin","description":"Recycling not collected","attributes":{"bin_type":"recycling"},
             "location":{"postcode":"SO16 3AA"}}""";

    private List<Object> payloadsOf(String customerId) {
        return eventStore.readEvents(customerId).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private <T> T awaitEvent(String customerId, Class<T> type) {
        RunningHub.await(type.getSimpleName(), Duration.ofSeconds(30),
                () -> payloadsOf(customerId).stream().anyMatch(type::isInstance), () -> payloadsOf(customerId).toString());
        return payloadsOf(customerId).stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    private void awaitTimer(String serviceRequestId, boolean present) {
        RunningHub.await("timer of " + serviceRequestId + (present ? "" : " gone"), Duration.ofSeconds(30),
                () -> (database.getCollection(SlaTimers.COLLECTION).find(Filters.eq("_id", serviceRequestId + ":RESPONSE"))
                        .first() != null) == present, () -> "");
    }

    /** The timer as it would run days later: the hub's own poller, given a clock ten days ahead. */
    private int pollTenDaysLater() {
        return new SlaBreachPoller(timers, commands, Clock.fixed(Instant.now().plus(Duration.ofDays(10)), ZoneOffset.UTC),
                Duration.ofSeconds(30), 500).pollOnce();
    }

    @Test
    void a_target_that_runs_out_is_breached_once_and_makes_a_task_staff_complete() {
        // given a routed request whose service level clock runs
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), MISSED_BIN).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();
        SlaClockStarted started = awaitEvent(customerId, SlaClockStarted.class);
        assertThat(started.responseWorkingDays()).isEqualTo(1);
        awaitTimer(requestId, true);

        // when the timer looks after both targets ran out
        assertThat(pollTenDaysLater()).isPositive();
        pollTenDaysLater();

        // then each target is breached once, and the timers are gone
        assertThat(payloadsOf(customerId).stream().filter(SlaTargetBreached.class::isInstance)
                .map(event -> ((SlaTargetBreached) event).target())).containsExactlyInAnyOrder(SlaTarget.RESPONSE, SlaTarget.RESOLUTION);
        awaitTimer(requestId, false);

        // and the staff worklist shows a task for each
        String agent = agent();
        String taskId = "sla-breached:" + requestId + ":RESPONSE";
        RunningHub.await("the worklist task", Duration.ofSeconds(30),
                () -> hub.get("/console/worklist?limit=200", agent).json().get("tasks").findValuesAsText("taskId").contains(taskId),
                () -> hub.get("/console/worklist", agent).body());
        JsonNode task = hub.get("/console/worklist/" + taskId, agent).json();
        assertThat(task.get("kind").asText()).isEqualTo("SLA_BREACHED");
        assertThat(task.get("customerId").asText()).isEqualTo(customerId);
        assertThat(task.get("providerId").asText()).isEqualTo("waste-operations");

        // when staff complete it
        HubClient.Response completed = hub.post("/console/worklist/" + taskId + "/complete", agent,
                "{\"note\":\"Rang the depot: collection booked for tomorrow\"}");

        // then it leaves the open list and says who completed it
        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        RunningHub.await("the task completed", Duration.ofSeconds(30),
                () -> "COMPLETED".equals(hub.get("/console/worklist/" + taskId, agent).json().get("status").asText()),
                () -> hub.get("/console/worklist/" + taskId, agent).body());
        assertThat(hub.get("/console/worklist/" + taskId, agent).json().get("note").asText())
                .isEqualTo("Rang the depot: collection booked for tomorrow");
        assertThat(hub.get("/console/worklist?limit=200", agent).json().get("tasks").findValuesAsText("taskId"))
                .doesNotContain(taskId).contains("sla-breached:" + requestId + ":RESOLUTION");
        assertThat(hub.post("/console/worklist/" + taskId + "/complete", agent, "{}").json().get("position").asLong())
                .isEqualTo(completed.json().get("position").asLong());
        assertThat(hub.get("/console/worklist/no-such-task", agent).status()).isEqualTo(404);
        assertThat(hub.get("/console/worklist", newResident()).status()).isEqualTo(403);
    }

    @Test
    void a_paused_clock_is_not_breached_and_resuming_restarts_its_timers() {
        JsonNode receipt = hub.post("/portal/me/service-requests", newResident(), MISSED_BIN).json();
        String customerId = receipt.get("customerId").asText();
        String requestId = receipt.get("serviceRequestId").asText();
        awaitEvent(customerId, SlaClockStarted.class);
        String path = "/console/customers/" + customerId + "/service-requests/" + requestId + "/sla/";

        HubClient.Response paused = hub.post(path + "pause", agent(), "{\"reason\":\"Awaiting the bin's location from the resident\"}");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        awaitEvent(customerId, SlaClockPaused.class);
        awaitTimer(requestId, false);
        pollTenDaysLater();
        assertThat(payloadsOf(customerId)).noneMatch(SlaTargetBreached.class::isInstance);

        HubClient.Response resumed = hub.post(path + "resume", agent(), "{}");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(awaitEvent(customerId, SlaClockResumed.class).responseDueDate()).isNotNull();
        awaitTimer(requestId, true);
        JsonNode view = hub.get("/console/customers/" + customerId + "?awaitPosition=" + resumed.json().get("position").asLong(),
                agent()).json();
        assertThat(view.get("openServiceRequests").get(0).get("serviceLevel").get("response").asText()).isEqualTo("RUNNING");
    }
}
