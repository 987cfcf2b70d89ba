package uk.customerhub.infra.mongo;

import com.mongodb.WriteConcern;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Writes that a command makes before the write that completes it, and whose durability that later write vouches for:
 * a contact id's claim ({@code unique_keys}) and the reservation of event positions ({@code event_counters}), both
 * made before the command's events are stored ({@code event_commits}). They are sent with {@link #WRITE_CONCERN}
 * ({@code w: 1, j: false}: acknowledged once applied, not yet journaled), so a command waits for durability once, on
 * its commit, instead of three times.
 * <p>
 * Why that is safe: the embedded file backend commits its store as a whole, in the order writes were applied
 * ({@link GroupCommitter}), and a real MongoDB journals and replicates its oplog in order; so once the command's
 * commit is durable (majority, journaled), every write the command made before it is too. A crash before that loses
 * the earlier writes either with the commit (nothing was acknowledged to the caller) or keeps them without it: a
 * claim kept without its contact is already tolerated (the same contact sent again with the same body is accepted,
 * its owner being its customer and fingerprint), and a reservation kept without its commit is a gap that the gap
 * window closes (ADR 0002). A write with this concern is never the last write of a successful command.
 */
public final class CoveredWrites {
    /** Acknowledged when applied; made durable by the command's later, durable, write. */
    public static final WriteConcern WRITE_CONCERN = WriteConcern.W1.withJournal(false);

    private CoveredWrites() {
    }

    /** Whether a write command (as the embedded server receives it) asks not to wait for the journal. */
    static boolean isCovered(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }
}
