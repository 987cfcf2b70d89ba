package uk.customerhub.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reserves global event positions from one counter document ({@code $inc}), so every hub node sharing a database
 * draws from the same sequence. Within a node, appends that arrive while a reservation is on its way are reserved
 * together by the next one (one round trip for many concurrent commands), and a node never runs two reservations at
 * once: the embedded server's {@code findAndModify} is not atomic towards concurrent callers (measured: 8 threads ×
 * 1,000 increments returned 113 duplicate values), while a real MongoDB's is.
 * <p>
 * <b>Reserved ahead, never out of order.</b> When {@code largestBlock} is above 1, a reservation also takes a few
 * positions more (one at first, doubling while they are used up, back to one after a quiet spell) for the node's next
 * appends, so a busy node does not pay one round trip per command. A position taken from that block must still be
 * higher than every event of the same aggregate already stored: the caller says which position it must exceed
 * ({@code above}: the aggregate's latest known position, {@link Long#MAX_VALUE} when unknown), and when the block
 * cannot give such a position the append reserves afresh from the counter, which always can. So an aggregate's later
 * events get higher positions than its earlier ones, whichever node wrote them (a per-node block without that check
 * would break it: node A's old block lies below what node B wrote since).
 * <p>
 * A block is handed out only while it is younger than {@code blockLifetime} (a quarter of the gap window), so with
 * the writer's own check (older than half the window: abandon and reserve again) nothing is written into a position
 * that readers may already have given up. Positions of a block left unused become gaps that readers wait out.
 */
final class PositionReservations {
    static final String COUNTER_ID = "global-position";

    /** Positions reserved for one append: the first of them, and when they were reserved from the counter. */
    record Reservation(long first, Instant reservedAt) {
    }

    private final MongoCollection<Document> counters;
    private final int largestBlock;
    private final Duration blockLifetime;
    private final Clock clock;
    private final Queue<Request> waiting = new ArrayDeque<>();
    private final AtomicLong counterRoundTrips = new AtomicLong();
    private final AtomicLong positionsLeftUnused = new AtomicLong();
    private boolean reserving;

    // the block reserved ahead (guarded by this)
    private long blockNext;
    private long blockEnd;
    private Instant blockReservedAt;
    private int blockSize;

    PositionReservations(MongoCollection<Document> counters, int largestBlock, Duration blockLifetime, Clock clock) {
        this.counters = counters;
        this.largestBlock = Math.max(1, largestBlock);
        this.blockLifetime = blockLifetime;
        this.clock = clock;
    }

    /**
     * Reserves {@code count} consecutive positions, all higher than {@code above} (-1: no constraint; the latest
     * known position of the aggregate appended to otherwise).
     */
    Reservation reserve(int count, long above) {
        Request mine;
        boolean lead;
        synchronized (this) {
            Reservation fromBlock = takeFromBlock(count, above);
            if (fromBlock != null) {
                return fromBlock;
            }
            mine = new Request(count, above);
            waiting.add(mine);
            lead = !reserving;
            if (lead) {
                reserving = true;
            }
        }
        if (lead) {
            reserveForEveryoneWaiting();
        }
        return mine.reservation.join();
    }

    /** Guarded by this. */
    private Reservation takeFromBlock(int count, long above) {
        if (blockReservedAt == null || blockNext <= above || blockNext + count > blockEnd) {
            return null;
        }
        if (Duration.between(blockReservedAt, clock.instant()).compareTo(blockLifetime) > 0) {
            return null;
        }
        long first = blockNext;
        blockNext += count;
        return new Reservation(first, blockReservedAt);
    }

    private void reserveForEveryoneWaiting() {
        while (true) {
            Queue<Request> batch;
            int ahead;
            synchronized (this) {
                // the block the last round trip brought may serve those who queued meanwhile
                waiting.removeIf(request -> {
                    Reservation fromBlock = takeFromBlock(request.count, request.above);
                    return fromBlock != null && request.reservation.complete(fromBlock);
                });
                if (waiting.isEmpty()) {
                    reserving = false;
                    return;
                }
                batch = new ArrayDeque<>(waiting);
                waiting.clear();
                ahead = nextBlockSize();
            }
            long total = batch.stream().mapToLong(request -> request.count).sum();
            // the positions count as reserved from the moment they are asked for (the conservative end of the trip)
            Instant reservedAt = clock.instant();
            try {
                Document counter = counters.findOneAndUpdate(Filters.eq("_id", COUNTER_ID), Updates.inc("next", total + ahead),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                counterRoundTrips.incrementAndGet();
                long next = ((Number) counter.get("next")).longValue() - total - ahead;
                for (Request request : batch) {
                    request.reservation.complete(new Reservation(next, reservedAt));
                    next += request.count;
                }
                synchronized (this) {
                    if (ahead > 0) {
                        positionsLeftUnused.addAndGet(Math.max(0, blockEnd - blockNext));
                        blockNext = next;
                        blockEnd = next + ahead;
                        blockReservedAt = reservedAt;
                        blockSize = ahead;
                    }
                }
            } catch (RuntimeException e) {
                batch.forEach(request -> request.reservation.completeExceptionally(e));
            }
        }
    }

    /**
     * How many positions to reserve ahead with the next round trip (guarded by this): none when blocks are off; one
     * after a quiet spell (the last block grew too old to use); otherwise twice the last block, up to the largest.
     */
    private int nextBlockSize() {
        if (largestBlock <= 1) {
            return 0;
        }
        boolean quiet = blockReservedAt == null
                || Duration.between(blockReservedAt, clock.instant()).compareTo(blockLifetime) > 0;
        return quiet ? 1 : Math.min(largestBlock, Math.max(1, blockSize) * 2);
    }

    /** The next position that will be reserved (0 when nothing was ever stored). */
    long next() {
        Document counter = counters.find(Filters.eq("_id", COUNTER_ID)).first();
        return counter == null ? 0 : ((Number) counter.get("next")).longValue();
    }

    /** Round trips to the counter document so far. */
    long counterRoundTrips() {
        return counterRoundTrips.get();
    }

    /** Positions reserved ahead and never used (each a gap that readers waited out). */
    long positionsLeftUnused() {
        return positionsLeftUnused.get();
    }

    private static final class Request {
        final int count;
        final long above;
        final CompletableFuture<Reservation> reservation = new CompletableFuture<>();

        Request(int count, long above) {
            this.count = count;
            this.above = above;
        }
    }
}
