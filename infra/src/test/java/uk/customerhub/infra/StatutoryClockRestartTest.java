package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.projections.clocks.StatutoryClockTimers;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statutory clocks are durable timers: a clock that runs out while the hub is stopped is marked overdue after it
 * starts again, because its pending timer is a document in the (file-backed) database, not a thread's memory.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatutoryClockRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_clock_that_ran_out_while_the_hub_was_down_becomes_overdue_after_the_restart() {
        String customerId;
        String clockId;
        // the timer does not look during the first run
        try (RunningHub hub = start("1h")) {
            String agent = hub.client.tokenFor("sam", "sam-demo");
            customerId = hub.client.post("/console/customers", agent, """
                    {"category":"RESIDENT","givenName":"Rita","familyName":"Restart"}""").json().get("customerId").asText();
            // received on Monday 5 January 2026: one month later, Thursday 5 February 2026, has long passed
            JsonNode sar = hub.client.post("/console/customers/" + customerId + "/contacts", agent, """
                    {"channel":"LETTER","type":"SUBJECT_ACCESS_REQUEST","summary":"A copy of my housing file, please",
                     "occurredAt":"2026-01-05T10:00:00Z"}""").json();
            clockId = sar.get("contactId").asText();
            JsonNode clock = hub.client.get("/console/customers/" + customerId + "?awaitPosition="
                    + sar.get("position").asLong(), agent).json().get("statutoryClocks").get(0);
            assertThat(clock.get("dueDate").asText()).isEqualTo(LocalDate.of(2026, 2, 5).toString());
            assertThat(clock.get("status").asText()).isEqualTo("OPEN");
            hub.awaitCaughtUp(StatutoryClockTimers.PROCESSING_GROUP);
            assertThat(hub.collection(StatutoryClockTimers.COLLECTION)).containsKey(clockId);
        }

        try (RunningHub hub = start("200ms")) {
            String agent = hub.client.tokenFor("sam", "sam-demo");
            String id = customerId;
            RunningHub.await("the subject access request to show overdue after the restart",
                    () -> hub.client.get("/console/customers/" + id, agent).json().get("statutoryClocks").get(0)
                            .get("status").asText().equals("OVERDUE"),
                    () -> hub.client.get("/console/customers/" + id, agent).body());

            List<? extends DomainEventMessage<?>> overdue = hub.bean(EventStore.class).readEvents(customerId).asStream()
                    .filter(event -> event.getPayload() instanceof StatutoryClockOverdue).toList();
            assertThat(overdue).extracting(event -> ((StatutoryClockOverdue) event.getPayload()).clockId())
                    .containsExactly(clockId);
            hub.awaitCaughtUp(StatutoryClockTimers.PROCESSING_GROUP);
            assertThat(hub.collection(StatutoryClockTimers.COLLECTION)).doesNotContainKey(clockId);
        }
    }

    private RunningHub start(String pollInterval) {
        return RunningHub.start(List.of(), "--hub.mongo.embedded=FILE", "--hub.mongo.data-directory=" + dataDirectory,
                "--hub.clocks.poll-interval=" + pollInterval);
    }
}
