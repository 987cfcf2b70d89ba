package uk.customerhub.projections.customerview;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.customerhub.api.Channel;
import uk.customerhub.api.FetchTimelinePage;
import uk.customerhub.api.TimelineEntry;
import uk.customerhub.api.TimelinePage;
import uk.customerhub.api.Viewer;
import uk.customerhub.api.Visibility;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.customerhub.projections.customerview.Events.contact;
import static uk.customerhub.projections.customerview.Events.profile;
import static uk.customerhub.projections.customerview.Events.registered;

class TimelinePagingTest extends SingleViewTestBase {
    private static final Viewer AGENT = Viewer.agent("agent-7");

    @BeforeEach
    void givenFiveContacts() {
        feed.publish("c-1", registered("c-1", profile("Ann", "Smith", null, "SO14 7LY")));
        IntStream.rangeClosed(1, 5).forEach(n ->
                feed.publish("c-1", contact("c-1", "k-" + n, Channel.PHONE, Visibility.STAFF_ONLY)));
    }

    @Test
    void pagesRunNewestFirstAcrossPages() {
        // when
        TimelinePage first = page(0);
        TimelinePage second = page(1);
        TimelinePage last = page(2);

        // then
        assertThat(first.entries()).extracting(TimelineEntry::contactId).containsExactly("k-5", "k-4");
        assertThat(first.entries()).extracting(TimelineEntry::number).containsExactly(5L, 4L);
        assertThat(second.entries()).extracting(TimelineEntry::contactId).containsExactly("k-3", "k-2");
        assertThat(last.entries()).extracting(TimelineEntry::contactId).containsExactly("k-1");
        assertThat(first.totalEntries()).isEqualTo(5);
        assertThat(last.page()).isEqualTo(2);
        assertThat(last.size()).isEqualTo(2);
    }

    @Test
    void pagePastTheOldestEntryIsEmpty() {
        // when
        TimelinePage beyond = page(3);

        // then
        assertThat(beyond.entries()).isEmpty();
        assertThat(beyond.totalEntries()).isEqualTo(5);
    }

    @Test
    void laterEntriesAppearOnTheFirstPage() {
        // when
        feed.publish("c-1", contact("c-1", "k-6", Channel.WEB, Visibility.STAFF_ONLY));

        // then
        assertThat(page(0).entries()).extracting(TimelineEntry::contactId).containsExactly("k-6", "k-5");
        assertThat(page(2).entries()).extracting(TimelineEntry::contactId).containsExactly("k-2", "k-1");
    }

    private TimelinePage page(int page) {
        return queries.handle(new FetchTimelinePage("c-1", AGENT, page, 2, null)).orElseThrow();
    }
}
