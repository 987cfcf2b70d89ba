package uk.customerhub.projections.merges;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.ContactMovedOut;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.MergeCustomers;
import uk.customerhub.api.Provenance;
import uk.customerhub.api.ReceiveMovedContact;
import uk.customerhub.api.UnmergeCustomerFrom;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Completes a merge, an unmerge or a contact's move that stopped half way. Each is two commands on two records, sent
 * one after the other by the agent's request: should the request stop in between (the process died, the connection
 * dropped), the first record's event is here and the second is sent by the hub itself, as the request would have:
 * <ul>
 *     <li>{@link CustomerMergedInto} on the retired record: the survivor's {@link MergeCustomers}; should the survivor
 *     refuse (it was itself merged into another record meanwhile), the retired record's merge is undone
 *     ({@link UnmergeCustomerFrom}), as the request does before answering 409;</li>
 *     <li>{@link CustomersUnmerged} on the survivor: the retired record's {@link UnmergeCustomerFrom};</li>
 *     <li>{@link ContactMovedOut}: the destination's {@link ReceiveMovedContact}.</li>
 * </ul>
 * Every command answers a retry with its first receipt, so completing what the request completed already changes
 * nothing. A merge or unmerge is completed only while the first record still says so (its latest merge event about
 * the other record is this one's kind): one undone meanwhile is not redone. Read from the event store by record id,
 * at the moment of completing; the destination of a move checks the same itself.
 * <p>
 * Never replayed (a replay must not redo old requests): the handlers are replay-disallowed. A command refused for a
 * reason nobody can put right here (the destination of a move was merged into another record meanwhile) is logged for
 * staff, not retried.
 */
@ProcessingGroup(MergeAndMoveCompletion.PROCESSING_GROUP)
public class MergeAndMoveCompletion {
    /** The processing group (tracking event processor) of this process. */
    public static final String PROCESSING_GROUP = "merge-and-move-completion";
    /** The actor its commands name. */
    public static final String ACTOR = "system:merge-and-move-completion";
    private static final Logger log = LoggerFactory.getLogger(MergeAndMoveCompletion.class);

    private final CommandGateway commands;
    private final EventStore eventStore;

    public MergeAndMoveCompletion(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    @EventHandler
    @DisallowReplay
    public void on(CustomerMergedInto event, @MetaDataValue(CustomersMerged.REASON) String reason,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation,
                   @MetaDataValue(Provenance.CORRELATION_ID) String correlationId) {
        String retired = event.customerId();
        String survivor = event.survivorCustomerId();
        boolean stillMerged = latest(retired, payload -> payload instanceof CustomerMergedInto merged
                && merged.survivorCustomerId().equals(survivor)
                || payload instanceof CustomerUnmergedFrom unmerged && unmerged.survivorCustomerId().equals(survivor))
                .filter(CustomerMergedInto.class::isInstance).isPresent();
        if (!stillMerged) {
            return;
        }
        MetaData metaData = metaData(survivor, organisation, correlationId);
        try {
            commands.sendAndWait(new MergeCustomers(survivor, retired, reason), metaData);
        } catch (CustomerMergedException | AggregateNotFoundException refused) {
            commands.sendAndWait(new UnmergeCustomerFrom(retired, survivor,
                    "merge refused by the surviving record: " + refused.getMessage()), metaData(retired, organisation, correlationId));
        } catch (ConflictingRequestException conflict) {
            log.warn("merge of customer {} into {} could not be completed: {}", retired, survivor, conflict.getMessage());
        }
    }

    @EventHandler
    @DisallowReplay
    public void on(CustomersUnmerged event, @MetaDataValue(CustomersMerged.REASON) String reason,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation,
                   @MetaDataValue(Provenance.CORRELATION_ID) String correlationId) {
        String survivor = event.customerId();
        String retired = event.retiredCustomerId();
        boolean stillUnmerged = latest(survivor, payload -> payload instanceof CustomersMerged merged
                && merged.retiredCustomerId().equals(retired)
                || payload instanceof CustomersUnmerged unmerged && unmerged.retiredCustomerId().equals(retired))
                .filter(CustomersUnmerged.class::isInstance).isPresent();
        if (!stillUnmerged) {
            return;
        }
        try {
            commands.sendAndWait(new UnmergeCustomerFrom(retired, survivor, reason), metaData(retired, organisation, correlationId));
        } catch (ConflictingRequestException conflict) {
            log.warn("unmerge of customer {} from {} could not be completed: {}", retired, survivor, conflict.getMessage());
        }
    }

    @EventHandler
    @DisallowReplay
    public void on(ContactMovedOut event, @MetaDataValue(ContactMovedOut.REASON) String reason,
                   @MetaDataValue(Provenance.ORGANISATION) String organisation,
                   @MetaDataValue(Provenance.CORRELATION_ID) String correlationId) {
        try {
            commands.sendAndWait(new ReceiveMovedContact(event.toCustomerId(), event.contactId(), event.customerId(), reason),
                    metaData(event.toCustomerId(), organisation, correlationId));
        } catch (ConflictingRequestException | AggregateNotFoundException refused) {
            // CustomerMergedException is a conflict too: the destination was retired after the agent's request checked it
            log.error("contact {} moved out of customer {} could not be taken in by customer {}: {}", event.contactId(),
                    event.customerId(), event.toCustomerId(), refused.getMessage());
        }
    }

    /** The latest event of a record that {@code about} picks, if any. */
    private Optional<Object> latest(String customerId, Predicate<Object> about) {
        return eventStore.readEvents(customerId, 0L).asStream()
                .map(event -> (Object) event.getPayload())
                .filter(about)
                .reduce((first, second) -> second);
    }

    private static MetaData metaData(String customerId, String organisation, String correlationId) {
        return MetaData.with(Provenance.ACTOR, ACTOR)
                .and(Provenance.ROLE, "SYSTEM")
                .and(Provenance.ON_BEHALF_OF, customerId)
                .and(Provenance.ORGANISATION, organisation == null ? Provenance.DEFAULT_ORGANISATION : organisation)
                .and(Provenance.CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId);
    }
}
