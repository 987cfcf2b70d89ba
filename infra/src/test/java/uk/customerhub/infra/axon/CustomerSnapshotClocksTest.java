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
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.api.Specialism;
import uk.customerhub.api.StatutoryClockKind;
import uk.customerhub.api.StatutoryClockOverdue;
import uk.customerhub.api.StatutoryClockStarted;
import uk.customerhub.api.StatutoryClockStopReason;
import uk.customerhub.api.StatutoryClockStopped;
import uk.customerhub.api.Visibility;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.customer.Customer;
import uk.customerhub.identity.UniqueKeys;

import java.lang.reflect.Constructor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record's statutory clocks survive a snapshot: its state, written and read by the snapshot serializer
 * infra gives Axon (fields, Jackson), comes back equal, open, overdue and stopped clocks alike.
 */
class CustomerSnapshotClocksTest {

    @Test
    void a_record_with_clocks_comes_back_equal_from_its_snapshot() throws Exception {
        Customer customer = rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty()),
                new StatutoryClockStarted("cust-1", "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                        Instant.parse("2026-12-24T10:00:00Z"), LocalDate.of(2027, 1, 26),
                        Instant.parse("2027-01-27T00:00:00Z"), Visibility.RESIDENT_VISIBLE, null),
                new StatutoryClockStarted("cust-1", "c-2:stage-1", "c-2", StatutoryClockKind.COMPLAINT, 1,
                        Instant.parse("2026-12-24T10:00:00Z"), LocalDate.of(2027, 1, 12),
                        Instant.parse("2027-01-13T00:00:00Z"), Visibility.RESTRICTED, Specialism.ADULTS_SAFEGUARDING),
                new StatutoryClockOverdue("cust-1", "c-1", "c-1", StatutoryClockKind.FOI_REQUEST, null,
                        LocalDate.of(2027, 1, 26), Instant.parse("2027-01-27T00:00:00Z")),
                new StatutoryClockStopped("cust-1", "c-2:stage-1", "c-2", StatutoryClockKind.COMPLAINT, 1,
                        StatutoryClockStopReason.RESPONDED, Instant.parse("2027-01-05T10:00:00Z"), true)));
        Serializer snapshots = new StoredMessageSerializers().snapshotSerializer();

        SerializedObject<byte[]> stored = snapshots.serialize(customer, byte[].class);
        Customer restored = snapshots.deserialize(stored);

        assertThat(new String(stored.getData())).contains("\"clocks\"", "\"c-2:stage-1\"", "\"OVERDUE\"", "\"STOPPED\"");
        assertThat(restored).extracting("clocks").isEqualTo(extract(customer, "clocks"));
        // (the record's identities come back as a HashSet, not its LinkedHashSet: order is not compared here)
        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }

    private static Object extract(Customer customer, String field) throws ReflectiveOperationException {
        java.lang.reflect.Field declared = Customer.class.getDeclaredField(field);
        declared.setAccessible(true);
        return declared.get(customer);
    }

    static Customer rebuiltFrom(List<Object> events) throws Exception {
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
                    MetaData.emptyInstance());
            model.publish(message, customer);
        }
        return customer;
    }
}
