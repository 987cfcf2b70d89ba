package uk.customerhub.projections.worklist;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.customerhub.api.FetchWorklistTask;
import uk.customerhub.api.FindOpenWorklistTasks;
import uk.customerhub.api.Role;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TaskKind;
import uk.customerhub.api.TaskStatus;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;
import uk.customerhub.api.WorklistTask;
import uk.customerhub.api.WorklistTaskCompleted;
import uk.customerhub.projections.TestMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff worklist: tasks from breached targets and failed deliveries, once each, listed newest first until completed. */
class WorklistTest {
    private static final Instant AT = Instant.parse("2026-03-06T00:00:05Z");
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final Viewer ADULTS_SPECIALIST = new Viewer(Role.SPECIALIST, "sasha", Set.of(Specialism.ADULTS_SAFEGUARDING), null);

    @RegisterExtension
    static final TestMongo mongo = new TestMongo();
    private WorklistProjection projection;
    private WorklistQueries queries;

    @BeforeEach
    void freshDatabase() {
        MongoDatabase database = mongo.freshDatabase("worklist");
        projection = new WorklistProjection(database);
        queries = new WorklistQueries(database);
    }

    private static SlaTargetBreached breached(String serviceRequestId, Visibility visibility, Specialism specialism) {
        return new SlaTargetBreached("cust-1", serviceRequestId, "missed-bin", "waste-operations", SlaTarget.RESPONSE,
                LocalDate.of(2026, 3, 5), Instant.parse("2026-03-06T00:00:00Z"), visibility, specialism);
    }

    @Test
    void a_breached_target_makes_one_task_however_often_the_event_comes() {
        // given / when
        projection.on(breached("sr-1", Visibility.RESIDENT_VISIBLE, null), AT);
        projection.on(breached("sr-1", Visibility.RESIDENT_VISIBLE, null), AT);

        // then
        assertThat(queries.handle(new FindOpenWorklistTasks(AGENT, 50)).tasks()).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo("sla-breached:sr-1:RESPONSE");
            assertThat(task.kind()).isEqualTo(TaskKind.SLA_BREACHED);
            assertThat(task.customerId()).isEqualTo("cust-1");
            assertThat(task.providerId()).isEqualTo("waste-operations");
            assertThat(task.summary()).contains("2026-03-05", "respond to", "sr-1");
            assertThat(task.createdAt()).isEqualTo(AT);
        });
    }

    @Test
    void a_failed_delivery_makes_a_task_for_staff() {
        projection.on(new ServiceRequestDeliveryFailed("cust-1", "sr-2", "highways-partner", "msg_1", 10,
                "HTTP 503", AT), AT);

        WorklistTask task = queries.handle(new FindOpenWorklistTasks(AGENT, 50)).tasks().get(0);
        assertThat(task.taskId()).isEqualTo("delivery-failed:msg_1");
        assertThat(task.kind()).isEqualTo(TaskKind.DELIVERY_FAILED);
        assertThat(task.summary()).contains("highways-partner", "10 attempt(s)", "HTTP 503");
    }

    @Test
    void a_completed_task_leaves_the_open_list_and_records_who_completed_it() {
        projection.on(breached("sr-1", Visibility.RESIDENT_VISIBLE, null), AT);
        projection.on(breached("sr-2", Visibility.RESIDENT_VISIBLE, null), AT.plusSeconds(1));

        projection.on(new WorklistTaskCompleted("cust-1", "sla-breached:sr-1:RESPONSE", "sr-1", "Chased the crew",
                AT.plusSeconds(60)), "staff:sam");
        projection.on(breached("sr-1", Visibility.RESIDENT_VISIBLE, null), AT);

        assertThat(queries.handle(new FindOpenWorklistTasks(AGENT, 50)).tasks()).extracting(WorklistTask::serviceRequestId)
                .containsExactly("sr-2");
        WorklistTask done = queries.handle(new FetchWorklistTask("sla-breached:sr-1:RESPONSE", AGENT)).orElseThrow();
        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.completedBy()).isEqualTo("staff:sam");
        assertThat(done.note()).isEqualTo("Chased the crew");
    }

    @Test
    void a_task_about_a_restricted_case_is_seen_only_by_its_specialists() {
        projection.on(breached("sr-1", Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING), AT);

        assertThat(queries.handle(new FindOpenWorklistTasks(AGENT, 50)).tasks()).isEmpty();
        assertThat(queries.handle(new FetchWorklistTask("sla-breached:sr-1:RESPONSE", AGENT))).isEmpty();
        assertThat(queries.handle(new FindOpenWorklistTasks(ADULTS_SPECIALIST, 50)).tasks()).hasSize(1);
        assertThat(queries.handle(new FindOpenWorklistTasks(Viewer.resident("urn:x"), 50)).tasks()).isEmpty();
    }

    @Test
    void many_open_tasks_are_listed_newest_first_across_buckets() {
        int count = WorklistStore.BUCKET_SIZE * 2 + 5;
        for (int i = 0; i < count; i++) {
            projection.on(breached("sr-" + i, Visibility.RESIDENT_VISIBLE, null), AT.plusSeconds(i));
        }

        assertThat(queries.handle(new FindOpenWorklistTasks(AGENT, 3)).tasks()).extracting(WorklistTask::serviceRequestId)
                .containsExactly("sr-" + (count - 1), "sr-" + (count - 2), "sr-" + (count - 3));
        assertThat(queries.handle(new FindOpenWorklistTasks(AGENT, FindOpenWorklistTasks.MAX_LIMIT)).tasks())
                .hasSize(FindOpenWorklistTasks.MAX_LIMIT);
    }
}
