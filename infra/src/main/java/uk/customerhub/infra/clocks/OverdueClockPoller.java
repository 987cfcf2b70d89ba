package uk.customerhub.infra.clocks;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.MarkStatutoryClockOverdue;
import uk.customerhub.api.Provenance;
import uk.customerhub.infra.timers.DurableTimerPoller;
import uk.customerhub.api.StatutoryClockStatus;
import uk.customerhub.projections.clocks.DueTimer;
import uk.customerhub.projections.clocks.StatutoryClockTimers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The durable timer of statutory clocks: every {@code hub.clocks.poll-interval} (30 s) it reads the pending timers
 * whose clock has run out ({@link StatutoryClockTimers#due}: a scan of a collection that holds only running clocks,
 * see there) and sends {@link MarkStatutoryClockOverdue} to each one's customer record, which applies
 * {@code StatutoryClockOverdue} once. Because the pending timers are documents in MongoDB, a clock that runs out
 * while the hub is down is marked at the first look after it starts again.
 * <p>
 * "Now" is the hub's {@link Clock} bean, so tests can move it. A timer is forgotten once the record answers that the
 * clock is no longer open (overdue, stopped, or unknown to it); one still open (the record's own check found its due
 * date not yet passed) is tried again at the next look. Several hub nodes may poll at once: the record marks a clock
 * overdue only once, so a second command changes nothing.
 */
public class OverdueClockPoller extends DurableTimerPoller {
    /** The actor the overdue events name: the hub's own timer, on behalf of the customer. */
    public static final String ACTOR = "system:statutory-clock-timer";
    private static final Logger log = LoggerFactory.getLogger(OverdueClockPoller.class);

    private final StatutoryClockTimers timers;
    private final CommandGateway commands;
    private final Clock clock;
    private final int batch;

    public OverdueClockPoller(StatutoryClockTimers timers, CommandGateway commands, Clock clock, Duration interval,
                              int batch) {
        super("statutory-clock-timer", "hub.clocks.poll-interval", interval);
        this.timers = timers;
        this.commands = commands;
        this.clock = clock;
        this.batch = batch;
    }

    /**
     * One look: marks overdue every clock whose due date has ended by now (at most a batch of them).
     *
     * @return how many clocks the records marked overdue
     */
    @Override
    public int pollOnce() {
        Instant now = clock.instant();
        List<DueTimer> due = timers.due(now, batch);
        int marked = 0;
        for (DueTimer timer : due) {
            try {
                StatutoryClockStatus status = commands.sendAndWait(
                        new MarkStatutoryClockOverdue(timer.customerId(), timer.clockId(), now), provenance(timer));
                if (status == StatutoryClockStatus.OVERDUE) {
                    marked++;
                }
                if (status != StatutoryClockStatus.OPEN) {
                    if (status == null) {
                        log.warn("customer {} has no statutory clock {}: forgetting its timer", timer.customerId(), timer.clockId());
                    }
                    timers.forget(timer.clockId());
                }
            } catch (AggregateNotFoundException e) {
                log.warn("no customer {} for statutory clock {}: forgetting its timer", timer.customerId(), timer.clockId());
                timers.forget(timer.clockId());
            } catch (RuntimeException e) {
                log.warn("could not mark statutory clock {} of customer {} overdue; trying again at the next look",
                        timer.clockId(), timer.customerId(), e);
            }
        }
        if (marked > 0) {
            log.info("{} statutory clock(s) marked overdue", marked);
        }
        return marked;
    }

    private static MetaData provenance(DueTimer timer) {
        return MetaData.with(Provenance.ACTOR, ACTOR)
                .and(Provenance.ON_BEHALF_OF, timer.customerId())
                .and(Provenance.ORGANISATION, timer.organisation())
                .and(Provenance.CORRELATION_ID, UUID.randomUUID().toString());
    }
}
