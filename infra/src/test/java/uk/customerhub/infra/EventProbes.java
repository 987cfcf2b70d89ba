package uk.customerhub.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.annotation.Bean;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * Test-only event handlers that write down every event delivered to them, registered as beans by the source classes
 * below (given to {@link RunningHub#start}). None of these classes carries a stereotype annotation, so component
 * scanning of {@code uk.customerhub} never picks them up for other tests.
 */
final class EventProbes {
    private EventProbes() {
    }

    /** One delivery of an event to a probe: which event, at which global position, and whether as a replay. */
    record Delivery(String eventId, long position, boolean replay) {
    }

    /** What a probe has been given, in order. */
    abstract static class Probe {
        private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        void record(EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            deliveries.add(new Delivery(message.getIdentifier(), token == null ? -1 : token.position().orElse(-1),
                    status.isReplay()));
        }

        List<Delivery> deliveries() {
            return List.copyOf(deliveries);
        }

        /** How many times each event was delivered. */
        Map<String, Long> timesDelivered() {
            return deliveries.stream().collect(Collectors.groupingBy(Delivery::eventId, Collectors.counting()));
        }

        long replayed() {
            return deliveries.stream().filter(Delivery::replay).count();
        }
    }

    // ---- replay ----------------------------------------------------------------------------------------------------

    /** In group {@value #REPLAY_GROUP} beside {@link ReplayDisallowed}: takes part in replays. */
    @ProcessingGroup(ReplayAllowed.REPLAY_GROUP)
    public static class ReplayAllowed extends Probe {
        static final String REPLAY_GROUP = "replay-probe";

        @EventHandler
        public void on(Object payload, EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            record(message, status, token);
        }
    }

    /** In group {@value ReplayAllowed#REPLAY_GROUP} too, but must never be called for a replayed event. */
    @ProcessingGroup(ReplayAllowed.REPLAY_GROUP)
    @DisallowReplay
    public static class ReplayDisallowed extends Probe {
        @EventHandler
        public void on(Object payload, EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            record(message, status, token);
        }
    }

    /** Alone in its group and disallowing replay: the group as a whole cannot be reset. */
    @ProcessingGroup(ReplayGuarded.GROUP)
    @DisallowReplay
    public static class ReplayGuarded extends Probe {
        static final String GROUP = "replay-guarded";

        @EventHandler
        public void on(Object payload, EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            record(message, status, token);
        }
    }

    /** The replay probes as beans. */
    static class ReplaySources {
        @Bean
        ReplayAllowed replayAllowed() {
            return new ReplayAllowed();
        }

        @Bean
        ReplayDisallowed replayDisallowed() {
            return new ReplayDisallowed();
        }

        @Bean
        ReplayGuarded replayGuarded() {
            return new ReplayGuarded();
        }
    }

    // ---- restart ---------------------------------------------------------------------------------------------------

    /** A processing group of its own that counts events: after a restart it must resume from its token. */
    @ProcessingGroup(RestartCounter.GROUP)
    public static class RestartCounter extends Probe {
        static final String GROUP = "restart-probe";

        @EventHandler
        public void on(Object payload, EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            record(message, status, token);
        }
    }

    /**
     * A second handler in the {@code customer-view} group itself, so it sees exactly what that processor delivers to
     * the projection (the projection skips old events silently, so it cannot tell us itself).
     */
    @ProcessingGroup("customer-view")
    public static class CustomerViewDeliveries extends Probe {
        @EventHandler
        public void on(Object payload, EventMessage<?> message, ReplayStatus status, TrackingToken token) {
            record(message, status, token);
        }
    }

    /** The restart probes as beans. */
    static class RestartSources {
        @Bean
        RestartCounter restartCounter() {
            return new RestartCounter();
        }

        @Bean
        CustomerViewDeliveries customerViewDeliveries() {
            return new CustomerViewDeliveries();
        }
    }
}
