package uk.customerhub.api;

import java.util.List;

/** Open worklist tasks, the newest first. */
public record WorklistTasks(List<WorklistTask> tasks) {
    public WorklistTasks {
        tasks = List.copyOf(tasks);
    }
}
