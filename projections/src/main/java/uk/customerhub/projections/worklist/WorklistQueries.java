package uk.customerhub.projections.worklist;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import uk.customerhub.api.FetchWorklistTask;
import uk.customerhub.api.FindOpenWorklistTasks;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.WorklistTask;
import uk.customerhub.api.WorklistTasks;

import java.util.Optional;

/** The worklist's queries: open tasks the viewer may see (a restricted case's only for its specialists), and one task. */
public class WorklistQueries {
    private final WorklistStore store;

    public WorklistQueries(MongoDatabase database) {
        this.store = new WorklistStore(database);
    }

    @QueryHandler
    public WorklistTasks handle(FindOpenWorklistTasks query) {
        return new WorklistTasks(store.open(query.limit(), task -> maySee(query.viewer(), task)));
    }

    @QueryHandler
    public Optional<WorklistTask> handle(FetchWorklistTask query) {
        return store.task(query.taskId()).filter(task -> maySee(query.viewer(), task));
    }

    private static boolean maySee(Viewer viewer, WorklistTask task) {
        return !viewer.isResident() && viewer.maySee(task.visibility(), task.specialism());
    }
}
