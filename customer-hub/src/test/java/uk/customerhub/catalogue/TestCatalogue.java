package uk.customerhub.catalogue;

import uk.customerhub.api.AttributeDatatype;
import uk.customerhub.api.AttributeValue;
import uk.customerhub.api.Provider;
import uk.customerhub.api.ProviderKind;
import uk.customerhub.api.RoutingRule;
import uk.customerhub.api.RoutingRules;
import uk.customerhub.api.ServiceAttribute;
import uk.customerhub.api.ServiceDefinition;
import uk.customerhub.api.ServiceType;
import uk.customerhub.api.Specialism;

import java.util.List;
import java.util.Map;

/** A small catalogue for the domain's tests: fly-tipping (two versions) and an adult social care referral (restricted). */
public final class TestCatalogue {
    public static final ServiceAttribute SIZE = new ServiceAttribute("size", true, AttributeDatatype.SINGLEVALUELIST, true,
            null, 1, "How much was dumped?", List.of(new AttributeValue("small", "A bag or two"),
            new AttributeValue("large", "A van load or more")));
    public static final ServiceAttribute HAZARD = new ServiceAttribute("hazard", true, AttributeDatatype.SINGLEVALUELIST, false,
            null, 2, "Is anything hazardous (asbestos, chemicals, needles)?", List.of(new AttributeValue("yes", "Yes"),
            new AttributeValue("no", "No")));
    public static final ServiceAttribute WASTE_TYPES = new ServiceAttribute("waste_types", true, AttributeDatatype.MULTIVALUELIST,
            false, null, 3, "What was dumped?", List.of(new AttributeValue("household", "Household rubbish"),
            new AttributeValue("furniture", "Furniture"), new AttributeValue("tyres", "Tyres")));
    public static final ServiceAttribute BAGS = new ServiceAttribute("bags", true, AttributeDatatype.NUMBER, false,
            null, 4, "How many bags?", null);
    public static final ServiceAttribute SEEN_AT = new ServiceAttribute("seen_at", true, AttributeDatatype.DATETIME, false,
            null, 5, "When did you see it?", null);
    public static final ServiceAttribute VEHICLE = new ServiceAttribute("vehicle", true, AttributeDatatype.STRING, false,
            null, 6, "Registration of any vehicle seen", null);
    public static final ServiceAttribute NOTE = new ServiceAttribute("warning", false, AttributeDatatype.TEXT, false,
            null, 0, "Do not touch anything that may be hazardous.", null);

    public static final ServiceDefinition FLY_TIPPING_V1 = new ServiceDefinition("fly-tipping", "Fly-tipping",
            "Rubbish dumped on public land", "Streets and environment", List.of("rubbish", "dumping"), ServiceType.REALTIME,
            1, List.of(SIZE), null, 2, 10);
    public static final ServiceDefinition FLY_TIPPING = new ServiceDefinition("fly-tipping", "Fly-tipping",
            "Rubbish dumped on public land", "Streets and environment", List.of("rubbish", "dumping"), ServiceType.REALTIME,
            2, List.of(SIZE, HAZARD, WASTE_TYPES, BAGS, SEEN_AT, VEHICLE, NOTE), null, 2, 10);
    public static final ServiceDefinition ADULT_SOCIAL_CARE = new ServiceDefinition("adult-social-care",
            "Adult social care front door referral", "Concern about an adult who may need care and support or be at risk",
            "Social care", List.of("safeguarding"), ServiceType.REALTIME, 1, List.of(), Specialism.ADULTS_SAFEGUARDING, 1, 5);

    public static final RoutingRules FLY_TIPPING_ROUTING = new RoutingRules("fly-tipping", 3, List.of(
            new RoutingRule("hazardous", "environmental-health", Map.of("hazard", "yes"), null, null),
            new RoutingRule("city-centre", "city-centre-team", null, List.of("SO14"), null)),
            "waste-operations");

    private TestCatalogue() {
    }

    public static InMemoryServiceCatalogue catalogue() {
        return new InMemoryServiceCatalogue()
                .with(FLY_TIPPING_V1).with(FLY_TIPPING).with(ADULT_SOCIAL_CARE)
                .with(FLY_TIPPING_ROUTING)
                .with(new RoutingRules("adult-social-care", 1, List.of(), "adult-social-care-front-door"))
                .with(new Provider("waste-operations", "Waste operations", ProviderKind.INTERNAL_TEAM, "council"))
                .with(new Provider("environmental-health", "Environmental health", ProviderKind.INTERNAL_TEAM, "council"));
    }
}
