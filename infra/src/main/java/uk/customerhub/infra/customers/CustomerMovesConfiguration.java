package uk.customerhub.infra.customers;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.customerhub.customer.RecordHistory;

/**
 * Moving a contact between records: the records read their history through {@link RecordHistory} (an injectable
 * resource of the record's command handlers, like {@code UniqueKeys}).
 */
@Configuration(proxyBeanMethods = false)
public class CustomerMovesConfiguration {

    @Bean
    RecordHistory recordHistory(EventStore eventStore) {
        return new EventStoreRecordHistory(eventStore);
    }
}
