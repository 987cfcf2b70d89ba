package uk.customerhub.infra.customers;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.customer.RecordHistory;
import uk.customerhub.projections.merges.MergeAndMoveCompletion;

/**
 * Merges, unmerges and moves between records: the records read their history through {@link RecordHistory} (an
 * injectable resource of the record's command handlers, like {@code UniqueKeys}); and the process that completes a
 * merge, unmerge or move that stopped half way ("merge-and-move-completion" tracking processor, see application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class CustomerMovesConfiguration {

    @Bean
    RecordHistory recordHistory(EventStore eventStore) {
        return new EventStoreRecordHistory(eventStore);
    }

    @Bean
    MergeAndMoveCompletion mergeAndMoveCompletion(CommandGateway commandGateway, EventStore eventStore) {
        return new MergeAndMoveCompletion(commandGateway, eventStore);
    }
}
