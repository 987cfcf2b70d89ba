package uk.customerhub.projections.worklist;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.TaskKind;
import uk.customerhub.api.TaskStatus;
import uk.customerhub.api.Visibility;
import uk.customerhub.api.WorklistTask;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The staff worklist in MongoDB, read only by {@code _id} lookups and {@code $in}:
 * <ul>
 *   <li>{@value #TASKS}: one document per task, {@code _id} = task id, open or completed, with the bucket that lists it;</li>
 *   <li>{@value #BUCKETS}: the open tasks' ids in numbered buckets of at most {@value #BUCKET_SIZE}
 *   ({@code _id} = the number): a new task joins the newest bucket, a completed one leaves its bucket;</li>
 *   <li>{@value #COUNTERS}: the newest bucket's number.</li>
 * </ul>
 * So listing open tasks reads the newest buckets, then their tasks by {@code $in}: never a scan. Tasks are added by
 * one processor thread (the "worklist" processing group has one segment), so the newest bucket is never raced for.
 */
final class WorklistStore {
    static final String TASKS = "worklist_tasks";
    static final String BUCKETS = "worklist_open_buckets";
    static final String COUNTERS = "worklist_counters";
    static final int BUCKET_SIZE = 100;
    /** Buckets read per round trip when listing. */
    private static final int BUCKETS_PER_READ = 10;
    private static final String ID = "_id";
    private static final String NEWEST_BUCKET = "newest-bucket";

    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> counters;

    WorklistStore(MongoDatabase database) {
        tasks = database.getCollection(TASKS);
        buckets = database.getCollection(BUCKETS);
        counters = database.getCollection(COUNTERS);
    }

    /** Adds an open task unless it is known already (a redelivered event), and lists it in the newest bucket. */
    void add(WorklistTask task) {
        Document existing = tasks.find(Filters.eq(ID, task.taskId())).first();
        if (existing != null) {
            if (TaskStatus.OPEN.name().equals(existing.getString("status"))) {
                listIn(existing.getInteger("bucket"), task.taskId());
            }
            return;
        }
        int bucket = newestBucket();
        Document listed = buckets.find(Filters.eq(ID, bucket)).first();
        if (listed != null && listed.getList("taskIds", String.class).size() >= BUCKET_SIZE) {
            bucket = counters.findOneAndUpdate(Filters.eq(ID, NEWEST_BUCKET), Updates.inc("number", 1),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)).getInteger("number");
        }
        tasks.updateOne(Filters.eq(ID, task.taskId()), Updates.combine(
                Updates.setOnInsert("kind", task.kind().name()),
                Updates.setOnInsert("customerId", task.customerId()),
                Updates.setOnInsert("serviceRequestId", task.serviceRequestId()),
                Updates.setOnInsert("serviceCode", task.serviceCode()),
                Updates.setOnInsert("providerId", task.providerId()),
                Updates.setOnInsert("summary", task.summary()),
                Updates.setOnInsert("createdAt", Date.from(task.createdAt())),
                Updates.setOnInsert("status", TaskStatus.OPEN.name()),
                Updates.setOnInsert("visibility", task.visibility().name()),
                Updates.setOnInsert("specialism", task.specialism() == null ? null : task.specialism().name()),
                Updates.setOnInsert("bucket", bucket)), new UpdateOptions().upsert(true));
        listIn(bucket, task.taskId());
    }

    /** Marks a task completed and takes it off the open list; completing it again changes nothing. */
    void complete(String taskId, Instant completedAt, String completedBy, String note) {
        Document task = tasks.find(Filters.eq(ID, taskId)).first();
        if (task == null || TaskStatus.COMPLETED.name().equals(task.getString("status"))) {
            return;
        }
        tasks.updateOne(Filters.eq(ID, taskId), Updates.combine(
                Updates.set("status", TaskStatus.COMPLETED.name()),
                Updates.set("completedAt", Date.from(completedAt)),
                Updates.set("completedBy", completedBy),
                Updates.set("note", note)));
        buckets.updateOne(Filters.eq(ID, task.getInteger("bucket")), Updates.pull("taskIds", taskId));
    }

    Optional<WorklistTask> task(String taskId) {
        return Optional.ofNullable(tasks.find(Filters.eq(ID, taskId)).first()).map(WorklistStore::fromDocument);
    }

    /**
     * Open tasks, the newest first, that {@code include} accepts, at most {@code limit}: reads buckets from the newest
     * down, {@value #BUCKETS_PER_READ} per round trip, and their tasks by {@code $in}.
     */
    List<WorklistTask> open(int limit, java.util.function.Predicate<WorklistTask> include) {
        List<WorklistTask> found = new ArrayList<>();
        for (int top = newestBucket(); top >= 0 && found.size() < limit; top -= BUCKETS_PER_READ) {
            List<Integer> numbers = new ArrayList<>();
            for (int number = top; number > top - BUCKETS_PER_READ && number >= 0; number--) {
                numbers.add(number);
            }
            Map<Integer, List<String>> listed = new LinkedHashMap<>();
            buckets.find(Filters.in(ID, numbers))
                    .forEach(bucket -> listed.put(bucket.getInteger(ID), bucket.getList("taskIds", String.class)));
            List<String> ids = new ArrayList<>();
            numbers.forEach(number -> ids.addAll(listed.getOrDefault(number, List.of())));
            if (ids.isEmpty()) {
                continue;
            }
            List<WorklistTask> loaded = new ArrayList<>();
            tasks.find(Filters.in(ID, ids)).forEach(document -> loaded.add(fromDocument(document)));
            loaded.stream()
                    .filter(task -> task.status() == TaskStatus.OPEN)
                    .filter(include)
                    .sorted(java.util.Comparator.comparing(WorklistTask::createdAt).reversed()
                            .thenComparing(WorklistTask::taskId))
                    .limit(limit - found.size())
                    .forEach(found::add);
        }
        return found;
    }

    private void listIn(int bucket, String taskId) {
        buckets.updateOne(Filters.eq(ID, bucket), Updates.addToSet("taskIds", taskId), new UpdateOptions().upsert(true));
    }

    private int newestBucket() {
        Document counter = counters.find(Filters.eq(ID, NEWEST_BUCKET)).first();
        return counter == null ? 0 : counter.getInteger("number");
    }

    private static WorklistTask fromDocument(Document document) {
        Date completedAt = document.getDate("completedAt");
        String specialism = document.getString("specialism");
        return new WorklistTask(document.getString(ID), TaskKind.valueOf(document.getString("kind")),
                document.getString("customerId"), document.getString("serviceRequestId"), document.getString("serviceCode"),
                document.getString("providerId"), document.getString("summary"), document.getDate("createdAt").toInstant(),
                TaskStatus.valueOf(document.getString("status")), completedAt == null ? null : completedAt.toInstant(),
                document.getString("completedBy"), document.getString("note"),
                Visibility.valueOf(document.getString("visibility")), specialism == null ? null : Specialism.valueOf(specialism));
    }
}
