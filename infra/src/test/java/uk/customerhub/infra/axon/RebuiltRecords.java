package uk.customerhub.infra.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import uk.customerhub.catalogue.InMemoryServiceCatalogue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.customer.Customer;
import uk.customerhub.customer.RecordHistory;
import uk.customerhub.identity.UniqueKeys;

import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;

/** A customer record rebuilt from events as Axon's event sourcing does it, for the snapshot tests to compare with. */
final class RebuiltRecords {
    private RebuiltRecords() {
    }

    static Customer rebuiltFrom(List<Object> events) throws Exception {
        return rebuiltFrom(events, MetaData.emptyInstance());
    }

    /** The record of {@code cust-1} after {@code events}, each carrying {@code metaData}. */
    static Customer rebuiltFrom(List<Object> events, MetaData metaData) throws Exception {
        Constructor<Customer> constructor = Customer.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        Customer customer = constructor.newInstance();
        // the record's command handlers ask for these resources; rebuilding from events never calls them
        UniqueKeys unusedKeys = new UniqueKeys() {
            @Override
            public String claim(String namespace, String key, String owner) {
                throw new UnsupportedOperationException("not used when rebuilding from events");
            }

            @Override
            public Optional<String> ownerOf(String namespace, String key) {
                throw new UnsupportedOperationException("not used when rebuilding from events");
            }
        };
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Customer.class),
                new SimpleResourceParameterResolverFactory(List.of(unusedKeys, StatutoryTargets.defaults(),
                        (RecordHistory) customerId -> List.of(), new InMemoryServiceCatalogue())));
        AggregateModel<Customer> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Customer.class, resources);
        long sequence = 0;
        for (Object event : events) {
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", "cust-1", sequence++, event, metaData);
            model.publish(message, customer);
        }
        return customer;
    }
}
