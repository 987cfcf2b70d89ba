package uk.customerhub.catalogue;

import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerCategory;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.RoutingDecision;
import uk.customerhub.api.RoutingRule;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceLocation;
import uk.customerhub.api.ServiceRequestDetails;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing exactly one provider for a request: the first rule whose conditions hold, else the default. */
class RoutingRulesTest {
    private static final RoutingRules RULES = new RoutingRules("fly-tipping", 3, List.of(
            new RoutingRule("hazardous", "environmental-health", Map.of("hazard", "yes"), null, null),
            new RoutingRule("city-centre", "city-centre-team", null, List.of("so14"), null),
            new RoutingRule("businesses", "commercial-waste", null, null, List.of(CustomerCategory.BUSINESS))),
            "waste-operations");

    private static ServiceRequestDetails at(String postcode, Map<String, String> answers) {
        return new ServiceRequestDetails("Dumped rubbish", answers, new ServiceLocation(null, null, null, null, postcode));
    }

    @Test
    void the_first_rule_whose_conditions_hold_chooses_and_the_decision_says_why() {
        RoutingRules.Route route = RULES.decide(at("SO14 7LY", Map.of("hazard", "yes")), CustomerCategory.RESIDENT, 2);

        assertThat(route.providerId()).isEqualTo("environmental-health");
        assertThat(route.decision()).isEqualTo(new RoutingDecision("hazardous", 3, 2, Map.of("attributes.hazard", "yes")));
    }

    @Test
    void a_location_rule_looks_at_the_postcode_district() {
        RoutingRules.Route route = RULES.decide(at("SO14 7LY", Map.of("hazard", "no")), CustomerCategory.RESIDENT, 2);

        assertThat(route.providerId()).isEqualTo("city-centre-team");
        assertThat(route.decision().inputs()).isEqualTo(Map.of("postcodeDistrict", "SO14"));
        assertThat(RULES.decide(at("SO15 2AA", Map.of()), CustomerCategory.RESIDENT, 2).providerId())
                .isEqualTo("waste-operations");
    }

    @Test
    void a_customer_category_rule_looks_at_the_category() {
        assertThat(RULES.decide(at("SO16 3AA", Map.of()), CustomerCategory.BUSINESS, 2).decision().ruleId())
                .isEqualTo("businesses");
    }

    @Test
    void when_no_rule_holds_the_default_provider_is_chosen() {
        RoutingRules.Route route = RULES.decide(new ServiceRequestDetails("Dumped rubbish", null, null), null, 0);

        assertThat(route.providerId()).isEqualTo("waste-operations");
        assertThat(route.decision()).isEqualTo(new RoutingDecision(RoutingRules.DEFAULT_RULE, 3, 0, Map.of()));
    }

    @Test
    void a_multi_value_answer_holds_for_each_of_its_values() {
        RoutingRules rules = new RoutingRules("fly-tipping", 1, List.of(
                new RoutingRule("tyres", "tyre-contractor", Map.of("waste_types", "tyres"), null, null)), "waste-operations");

        assertThat(rules.decide(at("SO16 3AA", Map.of("waste_types", "furniture, tyres")), null, 1).providerId())
                .isEqualTo("tyre-contractor");
    }

    @Test
    void rules_that_cannot_be_told_apart_or_name_no_district_are_refused() {
        RoutingRule rule = new RoutingRule("a", "p", null, null, null);
        assertThatThrownBy(() -> new RoutingRules("s", 1, List.of(rule, rule), "p")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RoutingRule("a", "p", null, List.of("Southampton"), null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new RoutingRule(RoutingRules.DEFAULT_RULE, "p", null, null, null)).isInstanceOf(InvalidInputException.class);
    }
}
