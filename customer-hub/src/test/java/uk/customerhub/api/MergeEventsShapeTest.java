package uk.customerhub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The stored shape of the merge events is pinned, like every other event's ({@link EventSerializationTest}). */
class MergeEventsShapeTest {

    static Stream<Arguments> storedShapes() {
        return Stream.of(
                arguments(new CustomersMerged("cust-1", "cust-2"), """
                        {"customerId":"cust-1","retiredCustomerId":"cust-2"}
                        """),
                arguments(new CustomerMergedInto("cust-2", "cust-1"), """
                        {"customerId":"cust-2","survivorCustomerId":"cust-1"}
                        """),
                arguments(new CustomersUnmerged("cust-1", "cust-2"), """
                        {"customerId":"cust-1","retiredCustomerId":"cust-2"}
                        """),
                arguments(new CustomerUnmergedFrom("cust-2", "cust-1"), """
                        {"customerId":"cust-2","survivorCustomerId":"cust-1"}
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedShapes")
    void the_stored_shape_of_each_merge_event_is_stable(Object event, String expectedJson) throws Exception {
        ObjectMapper mapper = EventSerializationTest.storedFormat();

        JsonNode written = mapper.readTree(mapper.writeValueAsString(event));

        assertThat(written).isEqualTo(mapper.readTree(expectedJson));
        assertThat(mapper.readValue(expectedJson, event.getClass())).isEqualTo(event);
    }
}
