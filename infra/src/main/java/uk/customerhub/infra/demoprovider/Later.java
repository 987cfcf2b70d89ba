package uk.customerhub.infra.demoprovider;

import java.time.Duration;

/** Runs a task after a delay: a scheduler in the running hub, a hand-driven list in tests. */
public interface Later {
    void after(Duration delay, Runnable task);
}
