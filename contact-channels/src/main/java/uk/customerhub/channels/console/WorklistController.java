package uk.customerhub.channels.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.customerhub.api.CompleteWorklistTask;
import uk.customerhub.api.FetchWorklistTask;
import uk.customerhub.api.FindOpenWorklistTasks;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.WorklistTask;
import uk.customerhub.api.WorklistTasks;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ClientKeys;
import uk.customerhub.channels.web.NotFoundException;
import uk.customerhub.channels.web.Provenances;

/**
 * The staff worklist: tasks that need a person — a service level target breached, a request the hub could not
 * deliver to its provider — newest first, and completing one with a note (recorded on the customer's record).
 * Tasks about restricted cases are shown only to specialists of that case.
 */
@RestController
@RequestMapping("/console/worklist")
@Tag(name = "Agent console")
@SecurityRequirement(name = "bearer")
public class WorklistController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    public WorklistController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Open tasks, newest first (at most limit, 1-200)")
    @GetMapping
    public WorklistTasks open(Authentication authentication, @RequestParam(defaultValue = "50") int limit) {
        return queries.query(new FindOpenWorklistTasks(Caller.of(authentication).asViewer(), limit), WorklistTasks.class).join();
    }

    @Operation(summary = "One task, open or completed")
    @GetMapping("/{taskId}")
    public WorklistTask task(Authentication authentication, @PathVariable String taskId) {
        return find(Caller.of(authentication), taskId);
    }

    @Operation(summary = "Complete a task, saying what was done ({note}); completing it again changes nothing")
    @PostMapping("/{taskId}/complete")
    public Receipt complete(Authentication authentication, @PathVariable String taskId,
                            @RequestBody(required = false) TaskCompletion completion,
                            @RequestHeader(name = ClientKeys.CORRELATION_ID_HEADER, required = false) String correlationId) {
        Caller caller = Caller.of(authentication);
        WorklistTask task = find(caller, taskId);
        return commands.sendAndWait(new CompleteWorklistTask(task.customerId(), task.taskId(), task.serviceRequestId(),
                        completion == null ? null : completion.note()),
                Provenances.of(caller, task.customerId(), null, correlationId, null));
    }

    private WorklistTask find(Caller caller, String taskId) {
        return queries.query(new FetchWorklistTask(taskId, caller.asViewer()),
                        ResponseTypes.optionalInstanceOf(WorklistTask.class)).join()
                .orElseThrow(() -> new NotFoundException("no task " + taskId));
    }
}
