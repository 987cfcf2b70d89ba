package uk.customerhub.infra.axon;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentRecordsCacheTest {

    @Test
    void the_least_recently_used_record_is_dropped_when_the_cache_is_full() {
        RecentRecordsCache cache = new RecentRecordsCache(2);
        cache.put("a", "record a");
        cache.put("b", "record b");
        cache.get("a");

        cache.put("c", "record c");

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat((String) cache.get("c")).isEqualTo("record c");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void records_are_held_strongly_across_garbage_collections() {
        RecentRecordsCache cache = new RecentRecordsCache(10);
        cache.put("held", new StringBuilder("a record nobody else refers to"));

        System.gc();

        assertThat(cache.<String, StringBuilder>get("held")).hasToString("a record nobody else refers to");
    }

    @Test
    void listeners_hear_creation_update_removal_and_expiry() {
        RecentRecordsCache cache = new RecentRecordsCache(1);
        List<String> heard = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        assertThat(cache.putIfAbsent("a", 3)).isFalse();
        cache.put("b", 1);
        cache.remove("b");

        assertThat(heard).containsExactly("created a", "updated a", "expired a", "created b", "removed b");
        assertThatThrownBy(() -> new RecentRecordsCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
