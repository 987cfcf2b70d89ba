package uk.customerhub.projections.worklist;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.api.SlaTarget;
import uk.customerhub.api.SlaTargetBreached;
import uk.customerhub.api.TaskKind;
import uk.customerhub.api.TaskStatus;
import uk.customerhub.api.Visibility;
import uk.customerhub.api.WorklistTask;
import uk.customerhub.api.WorklistTaskCompleted;

import java.time.Instant;

/**
 * The staff worklist: a task for every service level target breached and every request the hub could not deliver to
 * its provider, taken off the open list when staff complete it (an event on the customer's record). Task ids come
 * from what caused them ({@code sla-breached:<request>:<target>}, {@code delivery-failed:<webhook id>}), so an event
 * delivered twice makes one task. A task about a restricted case keeps its visibility; a delivery failure says nothing
 * personal (provider, attempts, error) and is for staff.
 */
@ProcessingGroup(WorklistProjection.PROCESSING_GROUP)
public class WorklistProjection {
    /** The processing group (tracking event processor) of the worklist. */
    public static final String PROCESSING_GROUP = "worklist";

    private final WorklistStore store;

    public WorklistProjection(MongoDatabase database) {
        this.store = new WorklistStore(database);
    }

    /** The id of the task a breached target makes. */
    public static String slaBreachTaskId(String serviceRequestId, SlaTarget target) {
        return "sla-breached:" + serviceRequestId + ":" + target.name();
    }

    /** The id of the task a failed delivery makes. */
    public static String deliveryFailureTaskId(String webhookId) {
        return "delivery-failed:" + webhookId;
    }

    @EventHandler
    public void on(SlaTargetBreached event, @Timestamp Instant recordedAt) {
        String what = event.target() == SlaTarget.RESPONSE ? "respond to" : "resolve";
        store.add(new WorklistTask(slaBreachTaskId(event.serviceRequestId(), event.target()), TaskKind.SLA_BREACHED,
                event.customerId(), event.serviceRequestId(), event.serviceCode(), event.providerId(),
                "Service level breached: " + event.providerId() + " had until the end of " + event.dueDate() + " to "
                        + what + " " + event.serviceCode() + " request " + event.serviceRequestId(),
                recordedAt, TaskStatus.OPEN, null, null, null, event.visibility(), event.specialism()));
    }

    @EventHandler
    public void on(ServiceRequestDeliveryFailed event, @Timestamp Instant recordedAt) {
        store.add(new WorklistTask(deliveryFailureTaskId(event.webhookId()), TaskKind.DELIVERY_FAILED, event.customerId(),
                event.serviceRequestId(), null, event.providerId(),
                "Could not deliver request " + event.serviceRequestId() + " to " + event.providerId() + " after "
                        + event.attempts() + " attempt(s)" + (event.lastError() == null ? "" : ": " + event.lastError()),
                event.failedAt() == null ? recordedAt : event.failedAt(), TaskStatus.OPEN, null, null, null,
                Visibility.STAFF_ONLY, null));
    }

    @EventHandler
    public void on(WorklistTaskCompleted event, @MetaDataValue(Provenance.ACTOR) String actor) {
        store.complete(event.taskId(), event.completedAt(), actor, event.note());
    }
}
