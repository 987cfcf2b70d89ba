package uk.customerhub.infra.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;

/**
 * Hub-wide unique keys claimed by the very commit that stores a command's events, instead of by a write of their own
 * before it: a command adds its keys here while it is handled, and {@link CommitStorageEngine} writes them into the
 * commit document's {@code claims}, which a unique index covers. The key and the events are stored together or not
 * at all (one insert), and a key already claimed by another commit makes the append fail: the command is refused
 * and nothing of it is stored. Saves a contact's separate claim round trip (ADR 0002).
 */
public final class CommitClaims {
    private static final String RESOURCE = CommitClaims.class.getName();

    private CommitClaims() {
    }

    /** Whether the current thread is handling a command, whose commit can carry claims. */
    public static boolean possible() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof CommandMessage;
    }

    /** Adds {@code key} to the claims of the current command's commit. */
    public static void add(String key) {
        if (!possible()) {
            throw new IllegalStateException("a key can be claimed with a commit only while a command is handled");
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<String> claims = root.getOrComputeResource(RESOURCE, name -> new ArrayList<String>());
        if (!claims.contains(key)) {
            claims.add(key);
        }
    }

    /** The claims the current command made so far, and forgets them (they go into one commit). */
    static List<String> take() {
        if (!CurrentUnitOfWork.isStarted()) {
            return List.of();
        }
        List<String> claims = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (claims == null || claims.isEmpty()) {
            return List.of();
        }
        List<String> taken = List.copyOf(claims);
        claims.clear();
        return taken;
    }
}
