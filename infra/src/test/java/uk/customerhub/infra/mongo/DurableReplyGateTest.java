package uk.customerhub.infra.mongo;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply gate on a Netty channel: a write's reply waits for its commit, other replies do not, order is kept. */
class DurableReplyGateTest {

    private static final class GatedStore implements GroupCommitter.Store {
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);

        @Override
        public void commit() {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void sync() {
        }
    }

    @Test
    @Timeout(10)
    void a_write_reply_is_held_until_durable_and_replies_behind_it_keep_their_order() throws Exception {
        NettyBridge netty = NettyBridge.load().orElseThrow();
        GatedStore store = new GatedStore();
        EmbeddedChannel channel = new EmbeddedChannel();
        try (GroupCommitter committer = new GroupCommitter("test-commit", store,
                new ReentrantReadWriteLock().writeLock(), false)) {
            DurableReplyGate gate = netty.gateOf(channel, () -> new DurableReplyGate(netty, committer));
            assertThat(netty.gateOf(channel, () -> {
                throw new AssertionError("a second gate");
            })).isSameAs(gate);

            channel.writeAndFlush("read reply");                 // not a write: straight through
            assertThat(drain(channel)).containsExactly("read reply");

            long ticket = committer.register();
            gate.holdNextReply(ticket);
            channel.writeAndFlush("write reply");
            channel.writeAndFlush("reply after it");             // must not overtake the held one
            store.entered.await(5, TimeUnit.SECONDS);
            channel.runPendingTasks();
            assertThat(drain(channel)).isEmpty();

            CountDownLatch released = new CountDownLatch(1);
            committer.whenDurable(ticket, failure -> released.countDown());   // called after the gate's callback
            store.gate.countDown();
            assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
            channel.runPendingTasks();
            assertThat(drain(channel)).containsExactly("write reply", "reply after it");

            channel.writeAndFlush("later read reply");
            assertThat(drain(channel)).containsExactly("later read reply");
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    private static List<Object> drain(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        Object message;
        while ((message = channel.readOutbound()) != null) {
            messages.add(message);
        }
        return messages;
    }
}
