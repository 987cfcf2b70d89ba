package uk.customerhub.infra.axon;

import org.axonframework.messaging.MetaData;
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
import uk.customerhub.customer.Customer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer record's merges survive a snapshot: what it remembers of the records merged into it, the record it was
 * merged into and the merges undone (to answer retries) comes back equal from the snapshot serializer infra gives Axon.
 */
class CustomerSnapshotMergesTest {
    private static final MetaData MERGE_REASON = MetaData.with(CustomersMerged.REASON, "One person");


    @Test
    void a_record_with_merges_comes_back_equal_from_its_snapshot() throws Exception {
        Customer customer = RebuiltRecords.rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty()),
                new CustomersMerged("cust-1", "cust-2"),
                new CustomersMerged("cust-1", "cust-3"),
                new CustomersUnmerged("cust-1", "cust-3"),
                new CustomerMergedInto("cust-1", "cust-9"),
                new CustomerUnmergedFrom("cust-1", "cust-9")), MERGE_REASON);
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
        Customer customer = RebuiltRecords.rebuiltFrom(List.of(
                new CustomerRegistered("cust-1", CustomerCategory.RESIDENT, CustomerProfile.empty())), MERGE_REASON);
        String json = new String(snapshots.serialize(customer, byte[].class).getData())
                .replaceAll(",?\"(mergedInto|mergesInto|mergedRecords|unmergedRecords)\":(null|\\{\\})", "");
        assertThat(json).doesNotContain("merge");

        Customer restored = snapshots.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(
                json.getBytes(), byte[].class, Customer.class.getName(), null));

        assertThat(restored).usingRecursiveComparison().ignoringCollectionOrder().isEqualTo(customer);
    }
}
