package uk.customerhub.projections.unattributed;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import uk.customerhub.api.UnattributedContactAttached;

/**
 * The process that makes sure an attached contact reaches the customer's record. The agent's attach request records
 * it there itself, at once, so the agent can see it; should that request stop between attaching and recording (a
 * crash, a lost connection), this process, following the attachment events, records it instead. Both send the same
 * {@link UnattributedContactAttached#recordContact() RecordContact}, so whichever comes second is the customer
 * record's no-op retry. The command inherits who acted from the event (the agent who attached it).
 * <p>
 * A replay must not send commands again: the handler is replay-disallowed. A failure (the customer does not exist)
 * is left to the processing group's dead-letter queue, where an administrator sees it.
 */
@ProcessingGroup(AttachedContactRecorder.PROCESSING_GROUP)
public class AttachedContactRecorder {
    /** The processing group (tracking event processor) of this process. */
    public static final String PROCESSING_GROUP = "unattributed-attachments";

    private final CommandGateway commands;

    public AttachedContactRecorder(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    public void on(UnattributedContactAttached event) {
        commands.sendAndWait(event.recordContact());
    }
}
