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
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.customer.Customer;
import uk.customerhub.identity.UniqueKeys;

import java.lang.reflect.Constructor;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record's merges survive a snapshot: what it remembers of the records merged into it, the record it was
 * merged into and the merges undone (to answer retries) comes back equal from the snapshot serializer infra gives Axon.
 */
class CustomerSnapshotMergesTest {

    @Test
    void a_record_with_merges_comes_back_equal_from_its_snapshot() throws Exception {
        Customer customer = rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty()),
                new CustomersMerged("cust-1", "cust-2"),
                new CustomersMerged("cust-1", "cust-3"),
                new CustomersUnmerged("cust-1", "cust-3"),
                new CustomerMergedInto("cust-1", "cust-9"),
                new CustomerUnmergedFrom("cust-1", "cust-9")));
        Serializer snapshots = new StoredMessageSerializers().snapshotSerializer();

        SerializedObject<byte[]> stored = snapshots.serialize(customer, byte[].class);
        Customer restored = snapshots.deserialize(stored);

        assertThat(new String(stored.getData())).contains("\"mergedRecords\"", "\"cust-2\"", "\"cust-3\"", "\"cust-9\"",
                "One person");
        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }

    @Test
    void a_snapshot_stored_before_merges_existed_loads_with_none() throws Exception {
        Serializer snapshots = new StoredMessageSerializers().snapshotSerializer();
        Customer customer = rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty())));
        String json = new String(snapshots.serialize(customer, byte[].class).getData())
                .replaceAll(",?\"(mergedInto|mergesInto|mergedRecords|unmergedRecords)\":(null|\\{\\})", "");
        assertThat(json).doesNotContain("merge");

        Customer restored = snapshots.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                json.getBytes(), byte[].class, Customer.class.getName(), null));

        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }

    private static Customer rebuiltFrom(List<Object> events) throws Exception {
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
            public java.util.Optional<String> ownerOf(String namespace, String key) {
                throw new UnsupportedOperationException("not used when rebuilding from events");
            }
        };
        ParameterResolverFactory resources = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Customer.class),
                new SimpleResourceParameterResolverFactory(List.of(unusedKeys, StatutoryTargets.defaults(),
                        (uk.customerhub.customer.RecordHistory) customerId -> List.of(),
                        new uk.customerhub.catalogue.InMemoryServiceCatalogue())));
        AggregateModel<Customer> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Customer.class, resources);
        long sequence = 0;
        for (Object event : events) {
            DomainEventMessage<?> message = new GenericDomainEventMessage<>("Customer", "cust-1", sequence++, event,
                    MetaData.with(CustomersMerged.REASON, "One person"));
            model.publish(message, customer);
        }
        return customer;
    }
}
