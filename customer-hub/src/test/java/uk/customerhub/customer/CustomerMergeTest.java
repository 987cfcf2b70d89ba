package uk.customerhub.customer;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.ConflictingRequestException;
import uk.customerhub.api.CustomerMergedException;
import uk.customerhub.api.CustomerMergedInto;
import uk.customerhub.api.CustomerProfile;
import uk.customerhub.api.Name;
import uk.customerhub.api.CustomerUnmergedFrom;
import uk.customerhub.api.CustomersMerged;
import uk.customerhub.api.CustomersUnmerged;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.LinkIdentity;
import uk.customerhub.api.MergeCustomerInto;
import uk.customerhub.api.MergeCustomers;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.UnmergeCustomerFrom;
import uk.customerhub.api.UnmergeCustomers;
import uk.customerhub.api.UpdateProfile;
import uk.customerhub.catalogue.TestCatalogue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.identity.InMemoryUniqueKeys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.customerhub.customer.CustomerTest.CUSTOMER;
import static uk.customerhub.customer.CustomerTest.HANDLE;
import static uk.customerhub.customer.CustomerTest.REGISTER;
import static uk.customerhub.customer.CustomerTest.REGISTERED_AT;
import static uk.customerhub.customer.CustomerTest.contact;
import static uk.customerhub.customer.CustomerTest.raise;
import static uk.customerhub.customer.CustomerTest.withMetaData;

/**
 * Merging and unmerging, given/when/then, on one record at a time: {@link #CUSTOMER} plays the retired record in
 * {@link Retiring} and the survivor in {@link Surviving}. The other record of each pair is {@link #OTHER}.
 */
class CustomerMergeTest {
    static final String OTHER = "cust-2";
    static final String WHY = "Same name, date of birth and address; confirmed with the customer by phone";
    static final MetaData REASON = MetaData.with(CustomersMerged.REASON, WHY);

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryUniqueKeys());
        fixture.registerInjectableResource(StatutoryTargets.defaults());
        fixture.registerInjectableResource(TestCatalogue.catalogue());
    }

    @Nested
    class Retiring {

        @Test
        void a_merge_into_the_survivor_is_recorded_with_the_reason() {
            fixture.givenCommands(REGISTER)
                    .when(new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .expectEvents(withMetaData(new CustomerMergedInto(CUSTOMER, OTHER), REASON))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void the_same_merge_again_answers_the_first_receipt_and_records_nothing() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void the_same_merge_for_another_reason_is_a_conflict() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new MergeCustomerInto(CUSTOMER, OTHER, "another reason"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_record_merged_into_one_survivor_cannot_be_merged_into_another() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new MergeCustomerInto(CUSTOMER, "cust-3", WHY))
                    .expectNoEvents()
                    .expectExceptionMessage("customer cust-1 is already merged into customer cust-2");
        }

        @Test
        void a_record_with_records_merged_into_it_is_not_retired_so_no_merge_is_two_deep() {
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, "cust-3", WHY))
                    .when(new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_retired_record_takes_no_new_contact_and_names_the_survivor() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(contact("c-new"))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class)
                    .expectExceptionMessage("customer cust-1 was merged into customer cust-2: record this on cust-2 instead");
        }

        @Test
        void a_retired_record_takes_no_service_request_profile_change_or_new_identity() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(raise("c-new", "sr-new"))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class);
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new UpdateProfile(CUSTOMER, new CustomerProfile(new Name("Ada", "King"), null, null, null), null))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class);
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new LinkIdentity(CUSTOMER, HANDLE))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class);
        }

        @Test
        void a_contact_recorded_before_the_merge_sent_again_still_answers_its_first_receipt() {
            fixture.givenCommands(REGISTER, contact("c-1"), new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(contact("c-1"))
                    .expectNoEvents()
                    .expectResultMessagePayload(new Receipt(CUSTOMER, "c-1", null, REGISTERED_AT + 1));
        }

        @Test
        void an_unmerge_makes_it_a_record_of_its_own_again_that_takes_contacts() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY))
                    .when(new UnmergeCustomerFrom(CUSTOMER, OTHER, "Twins, not one person"))
                    .expectEvents(withMetaData(new CustomerUnmergedFrom(CUSTOMER, OTHER),
                            MetaData.with(CustomersMerged.REASON, "Twins, not one person")))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 2));
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY),
                            new UnmergeCustomerFrom(CUSTOMER, OTHER, "Twins"))
                    .when(contact("c-new"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void the_same_unmerge_again_answers_the_first_receipt() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, OTHER, WHY),
                            new UnmergeCustomerFrom(CUSTOMER, OTHER, "Twins"))
                    .when(new UnmergeCustomerFrom(CUSTOMER, OTHER, "Twins"))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 2));
        }

        @Test
        void an_unmerge_from_a_record_it_was_never_merged_into_is_a_conflict() {
            fixture.givenCommands(REGISTER)
                    .when(new UnmergeCustomerFrom(CUSTOMER, OTHER, "Twins"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }
    }

    @Nested
    class Surviving {

        @Test
        void a_merge_of_another_record_is_recorded_with_the_reason() {
            fixture.givenCommands(REGISTER)
                    .when(new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .expectEvents(withMetaData(new CustomersMerged(CUSTOMER, OTHER), REASON))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
        }

        @Test
        void the_same_merge_again_answers_the_first_receipt_and_another_reason_is_a_conflict() {
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY), contact("c-after"))
                    .when(new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 1));
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .when(new MergeCustomers(CUSTOMER, OTHER, "another reason"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void a_retired_record_cannot_survive_a_merge() {
            fixture.givenCommands(REGISTER, new MergeCustomerInto(CUSTOMER, "cust-3", WHY))
                    .when(new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .expectNoEvents()
                    .expectException(CustomerMergedException.class);
        }

        @Test
        void a_survivor_still_takes_contacts() {
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .when(contact("c-1"))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void an_unmerge_is_recorded_once_and_again_answers_the_first_receipt() {
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .when(new UnmergeCustomers(CUSTOMER, OTHER, "Twins"))
                    .expectEvents(withMetaData(new CustomersUnmerged(CUSTOMER, OTHER),
                            MetaData.with(CustomersMerged.REASON, "Twins")))
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 2));
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY),
                            new UnmergeCustomers(CUSTOMER, OTHER, "Twins"), contact("c-after"))
                    .when(new UnmergeCustomers(CUSTOMER, OTHER, "Twins"))
                    .expectNoEvents()
                    .expectResultMessagePayload(Receipt.of(CUSTOMER, REGISTERED_AT + 2));
        }

        @Test
        void an_unmerge_of_a_record_never_merged_is_a_conflict() {
            fixture.givenCommands(REGISTER)
                    .when(new UnmergeCustomers(CUSTOMER, OTHER, "Twins"))
                    .expectNoEvents()
                    .expectException(ConflictingRequestException.class);
        }

        @Test
        void merged_again_after_an_unmerge_is_a_new_merge() {
            fixture.givenCommands(REGISTER, new MergeCustomers(CUSTOMER, OTHER, WHY),
                            new UnmergeCustomers(CUSTOMER, OTHER, "Twins"))
                    .when(new MergeCustomers(CUSTOMER, OTHER, WHY))
                    .expectEvents(withMetaData(new CustomersMerged(CUSTOMER, OTHER), REASON));
        }
    }

    @Test
    void a_record_cannot_be_merged_into_itself() {
        assertThatThrownBy(() -> new MergeCustomers(CUSTOMER, CUSTOMER, WHY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MergeCustomerInto(CUSTOMER, CUSTOMER, WHY)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MergeCustomers(CUSTOMER, OTHER, " ")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MergeCustomers(CUSTOMER, OTHER, "x".repeat(4_001)))
                .isInstanceOf(InvalidInputException.class);
    }
}
