package uk.customerhub.infra.mongo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * Holds back the reply to a write command on one client connection until the write is durable, without blocking
 * the connection's event loop (reads, and the other connections served by the same loop, go on meanwhile).
 *
 * <p>It is a Netty outbound handler at the tail of the connection's pipeline (a {@link java.lang.reflect.Proxy} of
 * {@code ChannelOutboundHandler} built by {@link NettyBridge}, whose calls land in {@link #invoke}), so a reply
 * written by mongo-java-server's {@code MongoDatabaseHandler} ({@code channel.writeAndFlush(reply)}) passes through
 * it before it is encoded. {@link DurableH2Backend} calls {@link #holdNextReply(long)} on the event loop while
 * handling a write command, just before that handler writes the reply. Replies leave in the order they were written:
 * a reply queued behind a held one waits for it. If the store fails, held replies are never sent: the connection is
 * closed instead, so the client sees an error, never an acknowledgement of a write that is not durable.
 *
 * <p>One instance per connection; every method but the committer's callback runs on the connection's event loop,
 * and that callback only schedules {@link #release()} onto it.
 */
final class DurableReplyGate implements InvocationHandler {
    static final String NAME = "durable-reply-gate";
    private static final Logger log = LoggerFactory.getLogger(DurableReplyGate.class);

    private record Held(Object message, Object promise, long ticket) {
    }

    private final NettyBridge netty;
    private final GroupCommitter committer;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private long nextReplyTicket;
    private Object context;

    DurableReplyGate(NettyBridge netty, GroupCommitter committer) {
        this.netty = netty;
        this.committer = committer;
    }

    /** The next reply written on this connection answers a write that becomes durable with {@code ticket}. */
    void holdNextReply(long ticket) {
        nextReplyTicket = Math.max(nextReplyTicket, ticket);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> NAME;
            };
        }
        switch (method.getName()) {
            case "write" -> write(args[0], args[1], args[2]);
            case "flush" -> flush(args[0]);
            case "handlerAdded" -> context = args[0];
            case "handlerRemoved" -> failAll(new ClosedChannelException());
            case "exceptionCaught" -> netty.fireExceptionCaught(args[0], (Throwable) args[1]);
            default -> {
                Object result = netty.forward(method, args);
                return method.getReturnType() == void.class ? null : result;
            }
        }
        return null;
    }

    private void write(Object ctx, Object message, Object promise) {
        long ticket = nextReplyTicket;
        nextReplyTicket = 0;
        boolean mustWait = ticket != 0 && !committer.isDurable(ticket);
        if (held.isEmpty() && !mustWait) {
            netty.write(ctx, message, promise);
            return;
        }
        held.add(new Held(message, promise, ticket));
        if (mustWait) {
            committer.whenDurable(ticket, failure -> runOnEventLoop(this::release));
        }
    }

    private void flush(Object ctx) {
        if (held.isEmpty()) {
            netty.flush(ctx);
        }
        // otherwise the held replies are flushed when released
    }

    private void runOnEventLoop(Runnable task) {
        try {
            netty.executor(context).execute(task);
        } catch (RejectedExecutionException e) {
            // the event loop has shut down: the server is stopping and the connection is gone with it
        }
    }

    private void release() {
        boolean wrote = false;
        while (!held.isEmpty()) {
            Held next = held.peek();
            if (next.ticket() != 0 && !committer.isDurable(next.ticket())) {
                Throwable failure = committer.failure();
                if (failure != null) {
                    log.error("MongoDB: closing a client connection: its write could not be made durable");
                    failAll(failure);
                    netty.close(context);
                }
                break;
            }
            held.poll();
            netty.write(context, next.message(), next.promise());
            wrote = true;
        }
        if (wrote) {
            netty.flush(context);
        }
    }

    private void failAll(Throwable cause) {
        Held next;
        while ((next = held.poll()) != null) {
            netty.tryFailure(next.promise(), cause);
        }
    }
}
