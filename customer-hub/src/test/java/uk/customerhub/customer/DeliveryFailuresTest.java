package uk.customerhub.customer;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.InvalidInputException;
import uk.customerhub.api.Receipt;
import uk.customerhub.api.RecordDeliveryFailure;
import uk.customerhub.api.ServiceRequestDeliveryFailed;
import uk.customerhub.catalogue.TestCatalogue;
import uk.customerhub.clocks.StatutoryTargets;
import uk.customerhub.identity.InMemoryUniqueKeys;

import java.time.Instant;

import static uk.customerhub.customer.CustomerTest.CUSTOMER;
import static uk.customerhub.customer.CustomerTest.REGISTER;
import static uk.customerhub.customer.CustomerTest.REGISTERED_AT;
import static uk.customerhub.customer.CustomerTest.raise;

/**
 * A webhook the hub gave up delivering is recorded on the customer's record, once per webhook id, so staff can follow
 * the request up; a failure about a request that is not on the record is refused.
 */
class DeliveryFailuresTest {
    static final Instant FAILED_AT = Instant.parse("2026-11-24T09:30:00Z");
    static final RecordDeliveryFailure GAVE_UP = new RecordDeliveryFailure(CUSTOMER, "sr-1", "waste-operations",
            "msg_routed-1", 10, "HTTP 503 Service Unavailable");

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(new InMemoryUniqueKeys());
        fixture.registerInjectableResource(StatutoryTargets.defaults());
        fixture.registerInjectableResource(TestCatalogue.catalogue());
    }

    @Test
    void given_a_raised_request_when_its_delivery_failed_then_the_record_says_so_with_the_time() {
        fixture.givenCommands(REGISTER, raise("web-1", "sr-1"))
                .andGivenCurrentTime(FAILED_AT)
                .when(GAVE_UP)
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ServiceRequestDeliveryFailed(CUSTOMER, "sr-1", "waste-operations", "msg_routed-1", 10,
                        "HTTP 503 Service Unavailable", FAILED_AT))
                .expectResultMessagePayload(new Receipt(CUSTOMER, null, "sr-1", REGISTERED_AT + 3));
    }

    @Test
    void given_the_failure_is_recorded_when_it_is_reported_again_then_nothing_new_is_recorded() {
        fixture.givenCommands(REGISTER, raise("web-1", "sr-1"), GAVE_UP)
                .when(GAVE_UP)
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new Receipt(CUSTOMER, null, "sr-1", REGISTERED_AT + 3));
    }

    @Test
    void given_one_failure_when_another_webhook_of_the_same_request_fails_then_that_is_recorded_too() {
        RecordDeliveryFailure cancellation = new RecordDeliveryFailure(CUSTOMER, "sr-1", "highways-partner",
                "msg_cancelled-1", 1, "endpoint disabled (HTTP 410 Gone)");
        fixture.givenCommands(REGISTER, raise("web-1", "sr-1"), GAVE_UP)
                .andGivenCurrentTime(FAILED_AT)
                .when(cancellation)
                .expectEvents(new ServiceRequestDeliveryFailed(CUSTOMER, "sr-1", "highways-partner", "msg_cancelled-1", 1,
                        "endpoint disabled (HTTP 410 Gone)", FAILED_AT));
    }

    @Test
    void given_no_such_request_on_the_record_when_a_failure_is_reported_then_it_is_refused_and_nothing_recorded() {
        fixture.givenCommands(REGISTER, raise("web-1", "sr-1"))
                .when(new RecordDeliveryFailure(CUSTOMER, "sr-other", "waste-operations", "msg_x", 10, "timeout"))
                .expectException(InvalidInputException.class)
                .expectNoEvents();
    }
}
