package uk.customerhub.unattributed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whom an inbound contact belongs to, from the customers each of its sender's identities matched. */
class AttributionTest {

    @Test
    void one_customer_holding_the_only_identity_is_the_one() {
        assertThat(Attribution.decide(List.of(Set.of("cust-1")))).isEqualTo(Attribution.to("cust-1"));
    }

    @Test
    void nothing_matched_is_unattributed_without_candidates() {
        Attribution none = Attribution.decide(List.of(Set.of(), Set.of()));

        assertThat(none.attributed()).isFalse();
        assertThat(none.candidates()).isEmpty();
        assertThat(Attribution.decide(List.of()).attributed()).isFalse();
    }

    @Test
    void a_household_number_several_customers_share_is_ambiguous_with_all_of_them_as_candidates() {
        Attribution household = Attribution.decide(List.of(Set.of("cust-2", "cust-1")));

        assertThat(household.attributed()).isFalse();
        assertThat(household.candidates()).containsExactly("cust-1", "cust-2");
    }

    @Test
    void a_shared_email_and_a_phone_only_one_of_them_holds_agree_on_that_one() {
        assertThat(Attribution.decide(List.of(Set.of("cust-1", "cust-2"), Set.of("cust-1"))))
                .isEqualTo(Attribution.to("cust-1"));
    }

    @Test
    void identities_pointing_to_different_customers_are_ambiguous() {
        Attribution conflicting = Attribution.decide(List.of(Set.of("cust-1"), Set.of("cust-2")));

        assertThat(conflicting.attributed()).isFalse();
        assertThat(conflicting.candidates()).containsExactly("cust-1", "cust-2");
    }

    @Test
    void an_identity_nobody_holds_does_not_outweigh_one_that_matched() {
        assertThat(Attribution.decide(List.of(Set.of(), Set.of("cust-3")))).isEqualTo(Attribution.to("cust-3"));
    }
}
