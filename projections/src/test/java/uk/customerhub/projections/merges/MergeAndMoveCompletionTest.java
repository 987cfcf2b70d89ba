package uk.customerhub.projections.merges;

import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.MergeCustomers;
import uk.customerhub.api.UnmergeCustomerFrom;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The completion of a half-done merge or unmerge sends the second record's command only while the first record still
 * says so: a merge undone meanwhile (or an unmerge merged again) is not redone from its old event.
 */
class MergeAndMoveCompletionTest {
    static final String WHY = "Same person";

    private final List<Object> sent = new ArrayList<>();
    private EmbeddedEventStore eventStore;
    private MergeAndMoveCompletion completion;

    @BeforeEach
    void setUp() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(MergeCustomers.class.getName(), command -> sent.add(command.getPayload()));
        bus.subscribe(UnmergeCustomerFrom.class.getName(), command -> sent.add(command.getPayload()));
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        completion = new MergeAndMoveCompletion(DefaultCommandGateway.builder().commandBus(bus).build(), eventStore);
    }

    @Test
    void a_merge_still_recorded_on_the_retired_record_is_completed_on_the_survivor() {
        givenEvents("cust-2", new CustomerMergedInto("cust-2", "cust-1"));

        completion.on(new CustomerMergedInto("cust-2", "cust-1"), WHY, null, null);

        assertThat(sent).containsExactly(new MergeCustomers("cust-1", "cust-2", WHY));
    }

    @Test
    void a_merge_undone_meanwhile_is_not_redone() {
        givenEvents("cust-2", new CustomerMergedInto("cust-2", "cust-1"), new CustomerUnmergedFrom("cust-2", "cust-1"));

        completion.on(new CustomerMergedInto("cust-2", "cust-1"), WHY, null, null);

        assertThat(sent).isEmpty();
    }

    @Test
    void an_unmerge_merged_again_meanwhile_is_not_redone() {
        givenEvents("cust-1", new CustomersMerged("cust-1", "cust-2"), new CustomersUnmerged("cust-1", "cust-2"),
                new CustomersMerged("cust-1", "cust-2"));

        completion.on(new CustomersUnmerged("cust-1", "cust-2"), "Two people", null, null);

        assertThat(sent).isEmpty();
    }

    @Test
    void an_unmerge_still_recorded_on_the_survivor_is_completed_on_the_retired_record() {
        givenEvents("cust-1", new CustomersMerged("cust-1", "cust-2"), new CustomersUnmerged("cust-1", "cust-2"));

        completion.on(new CustomersUnmerged("cust-1", "cust-2"), "Two people", null, null);

        assertThat(sent).containsExactly(new UnmergeCustomerFrom("cust-2", "cust-1", "Two people"));
    }

    private void givenEvents(String customerId, Object... payloads) {
        for (int sequence = 0; sequence < payloads.length; sequence++) {
            eventStore.publish(new GenericDomainEventMessage<>("Customer", customerId, sequence, payloads[sequence]));
        }
    }
}
