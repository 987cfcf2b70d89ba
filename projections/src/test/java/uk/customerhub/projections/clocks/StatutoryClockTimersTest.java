package uk.customerhub.projections.clocks;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.Visibility;
import uk.customerhub.projections.TestMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pending-timers collection: only clocks still running are in it, a repeat of any event leaves it as it was,
 * and the timers whose clock has run out are found by the end of their due date.
 */
class StatutoryClockTimersTest {
    private static final Instant JAN_26_ENDS = Instant.parse("2027-01-27T00:00:00Z");

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();

    private MongoDatabase database;
    private StatutoryClockTimers timers;
    private AnnotationEventHandlerAdapter handler;

    @BeforeEach
    void freshDatabase() {
        database = mongo.freshDatabase("timers");
        timers = new StatutoryClockTimers(database);
        handler = new AnnotationEventHandlerAdapter(timers);
    }

    static StatutoryClockStarted started(String customerId, String clockId, LocalDate due, Instant dueAt) {
        return new StatutoryClockStarted(customerId, clockId, clockId, StatutoryClockKind.FOI_REQUEST, null,
                Instant.parse("2026-12-24T10:00:00Z"), due, dueAt, Visibility.RESIDENT_VISIBLE, null);
    }

    static StatutoryClockStarted started(String clockId) {
        return started("cust-1", clockId, LocalDate.of(2027, 1, 26), JAN_26_ENDS);
    }

    private DomainEventMessage<?> deliver(Object event) {
        return deliver(event, Provenance.DEFAULT_ORGANISATION);
    }

    private DomainEventMessage<?> deliver(Object event, String organisation) {
        DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", "cust-1", 0, event,
                Map.of(Provenance.ORGANISATION, organisation));
        redeliver(message);
        return message;
    }

    private void redeliver(DomainEventMessage<?> message) {
        try {
            handler.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Document> stored() {
        return database.getCollection(StatutoryClockTimers.COLLECTION).find().into(new ArrayList<>());
    }

    @Test
    void a_started_clock_is_pending_under_its_clock_id_until_the_end_of_its_due_date() {
        deliver(started("cust-1", "foi-1", LocalDate.of(2027, 1, 26), JAN_26_ENDS), "partner-org");

        assertThat(stored()).containsExactly(new Document("_id", "foi-1").append("customerId", "cust-1")
                .append("organisation", "partner-org").append("dueAt", Date.from(JAN_26_ENDS)));
        assertThat(timers.due(JAN_26_ENDS.minusMillis(1), 100)).isEmpty();
        assertThat(timers.due(JAN_26_ENDS, 100)).containsExactly(new DueTimer("foi-1", "cust-1", "partner-org", JAN_26_ENDS));
    }

    @Test
    void a_stopped_clock_is_no_longer_pending() {
        deliver(started("foi-1"));
        deliver(started("foi-2"));

        deliver(new StatutoryClockStopped("cust-1", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST, null,
                StatutoryClockStopReason.RESPONDED, Instant.parse("2027-01-20T10:00:00Z"), true));

        assertThat(stored()).extracting(document -> document.getString("_id")).containsExactly("foi-2");
    }

    @Test
    void an_overdue_clock_is_no_longer_pending() {
        deliver(started("foi-1"));

        deliver(new StatutoryClockOverdue("cust-1", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST, null,
                LocalDate.of(2027, 1, 26), JAN_26_ENDS));

        assertThat(stored()).isEmpty();
        assertThat(timers.due(JAN_26_ENDS.plusSeconds(86_400), 100)).isEmpty();
    }

    @Test
    void delivering_every_event_again_leaves_the_same_pending_timers() {
        List<DomainEventMessage<?>> delivered = new ArrayList<>();
        delivered.add(deliver(started("foi-1")));
        delivered.add(deliver(started("foi-2")));
        delivered.add(deliver(started("foi-3")));
        delivered.add(deliver(new StatutoryClockStopped("cust-1", "foi-1", "foi-1", StatutoryClockKind.FOI_REQUEST,
                null, StatutoryClockStopReason.RESPONDED, Instant.parse("2027-01-20T10:00:00Z"), true)));
        delivered.add(deliver(new StatutoryClockOverdue("cust-1", "foi-2", "foi-2", StatutoryClockKind.FOI_REQUEST,
                null, LocalDate.of(2027, 1, 26), JAN_26_ENDS)));
        List<Document> before = stored();

        delivered.forEach(this::redeliver);

        assertThat(stored()).isEqualTo(before).extracting(document -> document.getString("_id")).containsExactly("foi-3");
    }

    @Test
    void due_answers_only_clocks_that_have_run_out_and_at_most_as_many_as_asked() {
        IntStream.rangeClosed(1, 5).forEach(n -> deliver(started("cust-" + n, "due-" + n,
                LocalDate.of(2027, 1, 26), JAN_26_ENDS)));
        deliver(started("cust-9", "later", LocalDate.of(2027, 2, 26), Instant.parse("2027-02-27T00:00:00Z")));

        assertThat(timers.due(JAN_26_ENDS.plusSeconds(30), 100)).extracting(DueTimer::clockId)
                .containsExactlyInAnyOrder("due-1", "due-2", "due-3", "due-4", "due-5");
        assertThat(timers.due(JAN_26_ENDS.plusSeconds(30), 2)).hasSize(2);
    }

    @Test
    void forgetting_a_timer_removes_it() {
        deliver(started("foi-1"));

        timers.forget("foi-1");
        timers.forget("foi-1");

        assertThat(stored()).isEmpty();
    }

    @Test
    void the_timers_are_kept_by_their_own_processing_group() {
        assertThat(StatutoryClockTimers.class.getAnnotation(ProcessingGroup.class).value())
                .isEqualTo("statutory-clock-timers");
    }
}
