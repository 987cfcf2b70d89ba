package uk.customerhub.infra.benchmark;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonValue;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Driver-side round-trip times of MongoDB commands, by command and collection ("insert event_commits"), while
 * {@link #recording}. Measured by the driver from sending the command to decoding its reply, so on the embedded
 * server it includes the server's own work.
 */
final class MongoCommandTimes implements CommandListener {
    private volatile boolean recording;
    private final Map<Integer, String> inFlight = new ConcurrentHashMap<>();
    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();

    /** Starts recording afresh. */
    void start() {
        totals.clear();
        inFlight.clear();
        recording = true;
    }

    /** Stops recording; returns command label to {count, total nanoseconds}. */
    Map<String, long[]> stop() {
        recording = false;
        Map<String, long[]> result = new TreeMap<>();
        totals.forEach((label, sums) -> result.put(label, new long[]{sums[0].sum(), sums[1].sum()}));
        return result;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (!recording) {
            return;
        }
        String name = event.getCommandName();
        BsonValue target = event.getCommand().get(name);
        String collection = target != null && target.isString() ? " " + target.asString().getValue() : "";
        inFlight.put(event.getRequestId(), name + collection);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        finished(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS), "");
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        finished(event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS), " (failed)");
    }

    private void finished(int requestId, long nanos, String suffix) {
        String label = inFlight.remove(requestId);
        if (label == null || !recording) {
            return;
        }
        LongAdder[] sums = totals.computeIfAbsent(label + suffix, l -> new LongAdder[]{new LongAdder(), new LongAdder()});
        sums[0].increment();
        sums[1].add(nanos);
    }
}
