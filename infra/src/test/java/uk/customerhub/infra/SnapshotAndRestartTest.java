package uk.customerhub.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import uk.customerhub.infra.EventProbes.CustomerViewDeliveries;
import uk.customerhub.infra.EventProbes.Delivery;
import uk.customerhub.infra.EventProbes.RestartCounter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Snapshot and restart (issue 3), on the default file-backed embedded server: after a stop and start, a customer's
 * record loads from its snapshot — proved by deleting the commits the snapshot covers — and remembers what only those
 * commits held, and every tracking processor resumes from its stored token instead of handling the history again.
 * <p>
 * Two probes (see {@link EventProbes}) watch the processors: one in a processing group of its own, and one inside
 * {@code customer-view} itself, because the projection skips already-applied events silently and so cannot show a
 * redelivery. After the restart each must be given exactly the one event appended since.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SnapshotAndRestartTest {
    private static final int SNAPSHOT_EVERY = 10;
    private static final int CONTACTS = 40;
    private static final String CUSTOMER_VIEW = "customer-view";
    private static final String REGISTRATION = """
            {"category":"RESIDENT","givenName":"Grace","familyName":"Hopper","email":"grace@example.org",
             "phone":"07700 900456","socialHandle":"x:gracehopper","address":{"postcode":"SO14 7LY"}}""";

    @TempDir
    Path dataDirectory;

    @Test
    void after_a_restart_the_record_loads_from_its_snapshot_and_processors_resume_from_their_tokens() {
        String customerId;
        JsonNode registered;
        long registration;
        List<JsonNode> receipts = new ArrayList<>();
        long headBeforeStop;
        try (RunningHub hub = start()) {
            String agent = hub.client.tokenFor("sam", "sam-demo");
            registered = hub.client.post("/console/customers", agent, REGISTRATION, "Idempotency-Key", "grace").json();
            customerId = registered.get("customerId").asText();
            registration = registered.get("position").asLong();
            assertThat(registration).as("registered, with e-mail, phone and social handle linked").isEqualTo(3);
            for (int i = 1; i <= CONTACTS; i++) {
                HubClient.Response recorded = hub.client.post("/console/customers/" + customerId + "/contacts", agent,
                        contact(i), "Idempotency-Key", "visit-" + i);
                assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
                assertThat(recorded.json().get("position").asLong()).isEqualTo(registration + i);
                receipts.add(recorded.json());
            }
            long last = registration + CONTACTS;
            assertThat(hub.client.get("/console/customers/" + customerId + "?awaitPosition=" + last, agent)
                    .json().get("position").asLong()).isEqualTo(last);
            String id = customerId;
            // a snapshot at least every SNAPSHOT_EVERY events, so the latest lies within that distance of the head;
            // it is stored by the command that triggered it, after its commit (so allow a moment)
            RunningHub.await("a snapshot of " + customerId + " past sequence " + (last - SNAPSHOT_EVERY), Duration.ofSeconds(10),
                    () -> snapshotSequence(hub, id) > last - SNAPSHOT_EVERY, () -> "snapshot at " + snapshotSequence(hub, id));
            hub.awaitCaughtUp(CUSTOMER_VIEW);
            hub.awaitCaughtUp(RestartCounter.GROUP);
            Set<String> stored = storedEventIds(hub);
            assertThat(stored).hasSize((int) last + 1);
            assertThat(hub.bean(RestartCounter.class).timesDelivered()).isEqualTo(once(stored));
            assertThat(hub.bean(CustomerViewDeliveries.class).timesDelivered()).isEqualTo(once(stored));
            headBeforeStop = hub.headPosition();
        }

        try (RunningHub hub = start()) {
            // before any command: take away every commit the snapshot covers, so the record can only load from it
            long last = registration + CONTACTS;
            long snapshot = snapshotSequence(hub, customerId);
            assertThat(snapshot).isGreaterThanOrEqualTo(30).isBetween(last - SNAPSHOT_EVERY + 1, last);
            MongoCollection<Document> commits = hub.database().getCollection("event_commits");
            long deleted = commits.deleteMany(Filters.and(Filters.eq("aggregateId", customerId),
                    Filters.lte("lastSequence", snapshot))).getDeletedCount();
            assertThat(deleted).as("the registration's commit and one per contact up to the snapshot")
                    .isEqualTo(1 + snapshot - registration);
            assertThat(commits.find(Filters.eq("aggregateId", customerId)).map(commit -> commit.getLong("firstSequence"))
                    .into(new ArrayList<>())).hasSize((int) (last - snapshot)).allSatisfy(first -> assertThat(first).isGreaterThan(snapshot));
            String agent = hub.client.tokenFor("sam", "sam-demo");

            HubClient.Response next = hub.client.post("/console/customers/" + customerId + "/contacts", agent,
                    contact(CONTACTS + 1), "Idempotency-Key", "visit-" + (CONTACTS + 1));

            assertThat(next.status()).as(next.body()).isEqualTo(201);
            assertThat(next.json().get("position").asLong()).isEqualTo(last + 1);
            // contact 3 and the registration live on only in the snapshot: retries answer their first receipts
            HubClient.Response retry = hub.client.post("/console/customers/" + customerId + "/contacts", agent,
                    contact(3), "Idempotency-Key", "visit-3");
            assertThat(retry.status()).as(retry.body()).isIn(200, 201);
            assertThat(retry.json()).isEqualTo(receipts.get(2));
            assertThat(retry.json().get("position").asLong()).isEqualTo(registration + 3);
            HubClient.Response registeredAgain = hub.client.post("/console/customers", agent, REGISTRATION, "Idempotency-Key", "grace");
            assertThat(registeredAgain.status()).as(registeredAgain.body()).isIn(200, 201);
            assertThat(registeredAgain.json()).isEqualTo(registered);
            assertThat(hub.client.post("/console/customers/" + customerId + "/contacts", agent,
                    contact(3).replace("ENQUIRY", "COMPLAINT"), "Idempotency-Key", "visit-3").status())
                    .as("contact 3 again with another body").isEqualTo(409);

            JsonNode view = hub.client.get("/console/customers/" + customerId + "?awaitPosition=" + (last + 1), agent).json();
            hub.awaitCaughtUp(CUSTOMER_VIEW);
            hub.awaitCaughtUp(RestartCounter.GROUP);
            long head = hub.headPosition();
            // (above the head before the stop, not next to it: positions the node had reserved ahead were left unused)
            assertThat(head).as("one event appended since the restart").isGreaterThan(headBeforeStop);
            assertThat(hub.bean(RestartCounter.class).deliveries()).as("restart-probe after the restart")
                    .extracting(Delivery::position).containsExactly(head);
            assertThat(hub.bean(CustomerViewDeliveries.class).deliveries()).as("customer-view after the restart")
                    .extracting(Delivery::position).containsExactly(head);

            assertThat(view.get("position").asLong()).isEqualTo(last + 1);
            assertThat(view.get("contactsByChannel").get("PHONE").asLong()).isEqualTo(CONTACTS + 1);
            assertThat(view.get("recentEntries")).extracting(entry -> entry.get("summary").asText())
                    .startsWith("Visit " + (CONTACTS + 1), "Visit " + CONTACTS);
            Set<String> entryIds = hub.collection("timeline_entries").keySet().stream()
                    .filter(entry -> entry.startsWith(customerId + "/")).collect(Collectors.toCollection(TreeSet::new));
            assertThat(entryIds).isEqualTo(LongStream.rangeClosed(1, CONTACTS + 1)
                    .mapToObj(number -> customerId + "/" + number).collect(Collectors.toCollection(TreeSet::new)));
        }
    }

    private static String contact(int number) {
        return "{\"channel\":\"PHONE\",\"type\":\"ENQUIRY\",\"summary\":\"Visit " + number
                + "\",\"outcome\":\"RESOLVED_FIRST_CONTACT\"}";
    }

    private RunningHub start() {
        return RunningHub.start(List.of(EventProbes.RestartSources.class),
                "--hub.mongo.embedded=FILE",
                "--hub.mongo.data-directory=" + dataDirectory,
                "--hub.event-store.snapshot-every=" + SNAPSHOT_EVERY);
    }

    /** The sequence number of the customer's stored snapshot, or -1 when there is none. */
    private static long snapshotSequence(RunningHub hub, String customerId) {
        Document snapshot = hub.database().getCollection("event_snapshots").find(Filters.eq("_id", customerId)).first();
        return snapshot == null ? -1 : snapshot.getLong("sequence");
    }

    private static Set<String> storedEventIds(RunningHub hub) {
        Set<String> ids = new TreeSet<>();
        hub.collection("event_commits").values().forEach(commit ->
                commit.getList("events", Document.class).forEach(event -> ids.add(event.getString("id"))));
        return ids;
    }

    private static Map<String, Long> once(Set<String> ids) {
        return ids.stream().collect(Collectors.toMap(Function.identity(), id -> 1L));
    }
}
