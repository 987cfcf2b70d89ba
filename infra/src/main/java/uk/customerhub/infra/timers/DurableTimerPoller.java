package uk.customerhub.infra.timers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What every durable timer of the hub shares (statutory clocks, service level targets): a look at the pending timers
 * kept in MongoDB every {@code interval}, on a thread of its own, started after Axon is up and stopped before it goes
 * down. A look that fails is logged and the next one tries again. What a look does is the subclass's
 * {@link #pollOnce()}; tests call it directly.
 */
public abstract class DurableTimerPoller implements SmartLifecycle {
    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String threadName;
    private final Duration interval;
    private ScheduledExecutorService executor;

    /**
     * @param threadName the timer thread's name (it shows in thread dumps and logs)
     * @param interval   time between looks; {@code property} names its setting in the refusal of one not positive
     */
    protected DurableTimerPoller(String threadName, String property, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(property + " must be positive, not " + interval);
        }
        this.threadName = threadName;
        this.interval = interval;
    }

    /**
     * One look at the timers due now.
     *
     * @return how many timers the look settled (for logs and tests)
     */
    public abstract int pollOnce();

    private void pollSafely() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            log.warn("{}: the look for due timers failed; trying again in {}", threadName, interval, e);
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, threadName);
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Starts late and stops early: after Axon is up, before it goes down. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1024;
    }
}
