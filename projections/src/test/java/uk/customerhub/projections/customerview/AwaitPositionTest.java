package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.CustomerView;
import uk.customerhub.api.FetchCustomerView;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;

class AwaitPositionTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Override
    Duration awaitTimeout() {
        return TIMEOUT;
    }

    @BeforeEach
    void givenARegisteredCustomer() {
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", null, "SO14 7LY")));
    }

    @Test
    void viewWaitsForAnEventAppliedLaterOnAnotherThread() throws Exception {
        // given a write that reached position 1 but whose event the projection has not applied yet
        CompletableFuture<Void> projectionCatchesUp = CompletableFuture.runAsync(
                () -> feed.publish("c-1", contact("c-1", "k-1", Channel.PHONE, Visibility.STAFF_ONLY)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // when
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, 1L)).orElseThrow();

        // then
        assertThat(view.position()).isEqualTo(1);
        assertThat(view.recentEntries()).extracting(TimelineEntry::contactId).containsExactly("k-1");
        projectionCatchesUp.get(5, TimeUnit.SECONDS);
    }

    @Test
    void timelineWaitsForAnEventAppliedLaterOnAnotherThread() throws Exception {
        // given
        CompletableFuture<Void> projectionCatchesUp = CompletableFuture.runAsync(
                () -> feed.publish("c-1", contact("c-1", "k-1", Channel.PHONE, Visibility.STAFF_ONLY)),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));

        // when
        TimelinePage page = queries.handle(new FetchTimelinePage("c-1", AGENT, 0, 10, 1L)).orElseThrow();

        // then
        assertThat(page.entries()).extracting(TimelineEntry::contactId).containsExactly("k-1");
        projectionCatchesUp.get(5, TimeUnit.SECONDS);
    }

    @Test
    void waitIsBoundedAndThenAnswersWhatThereIs() {
        // when
        long started = System.nanoTime();
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, 7L)).orElseThrow();
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // then
        assertThat(view.position()).isZero();
        assertThat(waited).isBetween(TIMEOUT, TIMEOUT.plusSeconds(2));
    }

    @Test
    void positionAlreadyReachedIsAnsweredAtOnce() {
        // when
        long started = System.nanoTime();
        CustomerView view = queries.handle(new FetchCustomerView("c-1", AGENT, 0L)).orElseThrow();

        // then
        assertThat(view.position()).isZero();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT);
    }
}
