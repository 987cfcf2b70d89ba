package uk.customerhub.infra.mongo;

import com.mongodb.WriteConcern;
import de.bwaldvogel.mongo.bson.Document;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes that a command makes before the write that completes it, and whose durability that later write vouches for:
 * a unique key's claim ({@code unique_keys}: a service request's id, an identity) and the reservation of event
 * positions ({@code event_counters}), both made before the command's events are stored ({@code event_commits}). They
 * are sent with {@link #WRITE_CONCERN} ({@code w: 1, j: false}: acknowledged once applied, not yet journaled), so a
 * command waits for durability once, on its commit, instead of once per write. (A contact's id is claimed by the
 * commit itself: {@code CommitClaims}.)
 * <p>
 * Why that is safe: the embedded file backend commits its store as a whole, in the order writes were applied
 * ({@link GroupCommitter}), and a real MongoDB journals and replicates its oplog in order; so once the command's
 * commit is durable (majority, journaled), every write the command made before it is too. A crash before that loses
 * the earlier writes either with the commit (nothing was acknowledged to the caller) or keeps them without it: a
 * claim kept without its contact is already tolerated (the same contact sent again with the same body is accepted,
 * its owner being its customer and fingerprint), and a reservation kept without its commit is a gap that the gap
 * window closes (ADR 0002).
 * <p>
 * A covered write must never be the last write before a success is reported. A reservation is always followed by
 * its commit. A claim is covered only inside a command's unit of work ({@link #inCommand()}); should that command
 * store no events, the claim is written again durably as the command commits ({@link #coverAtCommit}). Claims made
 * elsewhere (channels, before or after a command) are durable on their own.
 */
public final class CoveredWrites {
    /** Acknowledged when applied; made durable by the command's later, durable, write. */
    public static final WriteConcern WRITE_CONCERN = WriteConcern.W1.withJournal(false);

    /** Unit-of-work resource: set once the command's events were stored durably, which covers its earlier writes. */
    private static final String DURABLE_WRITE = CoveredWrites.class.getName() + ".durableWrite";

    private CoveredWrites() {
    }

    /** Whether this thread is handling a command, whose stored events would cover a write made now. */
    public static boolean inCommand() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage;
    }

    /** Notes that the current unit of work has stored events durably (so its covered writes are durable too). */
    public static void durableWriteDone() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(DURABLE_WRITE, Boolean.TRUE);
        }
    }

    /**
     * Makes sure a covered write made in the current command is durable before the command completes: when the
     * command commits without having stored events, {@code makeDurable} runs (in the commit phase, so a failure fails
     * the command).
     */
    static void coverAtCommit(Runnable makeDurable) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.onCommit(committed -> {
            if (!Boolean.TRUE.equals(committed.getResource(DURABLE_WRITE))) {
                makeDurable.run();
            }
        });
    }

    /** Whether a write command (as the embedded server receives it) asks not to wait for the journal. */
    static boolean isCovered(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }
}
