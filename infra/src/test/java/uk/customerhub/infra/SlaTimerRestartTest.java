package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.projections.sla.SlaTimers;
import uk.customerhub.projections.routing.ServiceRequestRouter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service level timers are durable: a target that runs out while the hub is stopped is marked breached after it
 * starts again — its pending timer is a document in the file-backed database — and the breach reaches the worklist.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SlaTimerRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_target_that_ran_out_while_the_hub_was_down_is_breached_after_the_restart() {
        String customerId;
        String requestId;
        // the timer does not look during the first run
        try (RunningHub hub = start("1h")) {
            String alice = hub.client.tokenFor("alice", "alice-demo");
            JsonNode receipt = hub.client.post("/portal/me/service-requests", alice, """
                    {"serviceCode":"missed-bin","description":"Grey bin not collected","attributes":{"bin_type":"general-waste"},
                     "location":{"postcode":"SO14 7LY"}}""").json();
            customerId = receipt.get("customerId").asText();
            requestId = receipt.get("serviceRequestId").asText();
            hub.awaitCaughtUp(ServiceRequestRouter.PROCESSING_GROUP);
            hub.awaitCaughtUp(SlaTimers.PROCESSING_GROUP);
            assertThat(hub.collection(SlaTimers.COLLECTION)).containsKeys(requestId + ":RESPONSE", requestId + ":RESOLUTION");
        }

        // ten days later
        try (RunningHub hub = start("200ms", MovableHubClock.Sources.class)) {
            hub.bean(MovableHubClock.class).moveTo(Instant.now().plus(Duration.ofDays(10)));
            String id = customerId;
            RunningHub.await("both targets breached after the restart", () -> breaches(hub, id).size() == 2,
                    () -> breaches(hub, id).toString());

            assertThat(breaches(hub, customerId)).extracting(SlaTargetBreached::target)
                    .containsExactlyInAnyOrder(SlaTarget.RESPONSE, SlaTarget.RESOLUTION);
            hub.awaitCaughtUp(SlaTimers.PROCESSING_GROUP);
            assertThat(hub.collection(SlaTimers.COLLECTION)).doesNotContainKeys(requestId + ":RESPONSE", requestId + ":RESOLUTION");
            String agent = hub.client.tokenFor("sam", "sam-demo");
            String taskId = "sla-breached:" + requestId + ":RESPONSE";
            RunningHub.await("the breach on the worklist",
                    () -> hub.client.get("/console/worklist", agent).json().get("tasks").findValuesAsText("taskId").contains(taskId),
                    () -> hub.client.get("/console/worklist", agent).body());
        }
    }

    private static List<SlaTargetBreached> breaches(RunningHub hub, String customerId) {
        return hub.bean(EventStore.class).readEvents(customerId).asStream().map(DomainEventMessage::getPayload)
                .filter(SlaTargetBreached.class::isInstance).map(SlaTargetBreached.class::cast).toList();
    }

    /** Without the demo provider: its acknowledgement (3 s after a request) would meet the response target. */
    private RunningHub start(String pollInterval, Class<?>... sources) {
        return RunningHub.start(List.of(sources), "--hub.mongo.embedded=FILE", "--hub.mongo.data-directory=" + dataDirectory,
                "--hub.sla.poll-interval=" + pollInterval, "--hub.demo-provider.enabled=false");
    }
}
