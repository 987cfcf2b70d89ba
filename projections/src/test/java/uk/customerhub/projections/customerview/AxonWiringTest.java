package uk.customerhub.projections.customerview;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.CustomerMatches;
import uk.customerhub.api.CustomerSummary;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.FindCustomersBySurnameAndPostcode;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;

/** The queries answered through an Axon query bus, as the channels ask them, and the processing group infra assigns. */
class AxonWiringTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private final SimpleQueryBus queryBus = SimpleQueryBus.builder().build();

    @BeforeEach
    void givenQueriesSubscribedToTheBus() {
        new AnnotationQueryHandlerAdapter<>(queries).subscribe(queryBus);
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", null, "SO14 7LY")));
    }

    @Test
    void queriesAreAnsweredThroughTheQueryBus() throws Exception {
        Optional<CustomerView> view = queryBus.query(new GenericQueryMessage<>(new FetchCustomerView("c-1", AGENT, null),
                ResponseTypes.optionalInstanceOf(CustomerView.class))).get().getPayload();
        Optional<CustomerView> unknown = queryBus.query(new GenericQueryMessage<>(new FetchCustomerView("c-9", AGENT, null),
                ResponseTypes.optionalInstanceOf(CustomerView.class))).get().getPayload();
        Optional<TimelinePage> page = queryBus.query(new GenericQueryMessage<>(new FetchTimelinePage("c-1", AGENT, 0, 10, null),
                ResponseTypes.optionalInstanceOf(TimelinePage.class))).get().getPayload();
        CustomerMatches matches = queryBus.query(new GenericQueryMessage<>(
                new FindCustomersBySurnameAndPostcode("Smith", "SO14 7LY", AGENT),
                ResponseTypes.instanceOf(CustomerMatches.class))).get().getPayload();

        assertThat(view).map(CustomerView::customerId).contains("c-1");
        assertThat(unknown).isEmpty();
        assertThat(page).map(TimelinePage::entries).hasValueSatisfying(entries -> assertThat(entries).isEmpty());
        assertThat(matches.customers()).extracting(CustomerSummary::customerId).containsExactly("c-1");
    }

    @Test
    void projectionBelongsToTheCustomerViewProcessingGroup() {
        assertThat(CustomerViewProjection.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("customer-view");
    }
}
