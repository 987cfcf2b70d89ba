package uk.customerhub.infra.mongo;

import de.bwaldvogel.mongo.wire.message.MongoMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The few Netty calls the durable backend needs, made by reflection.
 *
 * <p>mongo-java-server declares Netty as a <em>runtime</em> dependency, so this module does not compile against it
 * (adding {@code io.netty:netty-transport} to the module's compile scope would let this class become plain calls).
 * Every handle is looked up once, when the backend opens; if any is missing (a Netty or mongo-java-server upgrade
 * changed them) {@link #load()} returns empty and the backend falls back to waiting for durability on the event loop,
 * which is still correct, only less concurrent.
 */
final class NettyBridge {
    private static final Logger log = LoggerFactory.getLogger(NettyBridge.class);

    private final Method messageChannel;
    private final Class<?> outboundHandlerType;
    private final Class<?> contextType;
    private final Method channelEventLoop;
    private final Method inEventLoop;
    private final Method channelPipeline;
    private final Method pipelineGet;
    private final Method pipelineAddLast;
    private final Method contextExecutor;
    private final Method contextWrite;
    private final Method contextFlush;
    private final Method contextClose;
    private final Method contextFireExceptionCaught;
    private final Method promiseTryFailure;
    private final Map<Method, Method> forwards = new ConcurrentHashMap<>();

    private NettyBridge() throws ReflectiveOperationException {
        ClassLoader loader = MongoMessage.class.getClassLoader();
        Class<?> channel = Class.forName("io.netty.channel.Channel", false, loader);
        Class<?> eventExecutor = Class.forName("io.netty.util.concurrent.EventExecutor", false, loader);
        Class<?> pipeline = Class.forName("io.netty.channel.ChannelPipeline", false, loader);
        Class<?> handler = Class.forName("io.netty.channel.ChannelHandler", false, loader);
        Class<?> promise = Class.forName("io.netty.channel.ChannelPromise", false, loader);
        outboundHandlerType = Class.forName("io.netty.channel.ChannelOutboundHandler", false, loader);
        contextType = Class.forName("io.netty.channel.ChannelHandlerContext", false, loader);
        messageChannel = MongoMessage.class.getMethod("getChannel");
        channelEventLoop = channel.getMethod("eventLoop");
        inEventLoop = eventExecutor.getMethod("inEventLoop");
        channelPipeline = channel.getMethod("pipeline");
        pipelineGet = pipeline.getMethod("get", String.class);
        pipelineAddLast = pipeline.getMethod("addLast", String.class, handler);
        contextExecutor = contextType.getMethod("executor");
        contextWrite = contextType.getMethod("write", Object.class, promise);
        contextFlush = contextType.getMethod("flush");
        contextClose = contextType.getMethod("close");
        contextFireExceptionCaught = contextType.getMethod("fireExceptionCaught", Throwable.class);
        promiseTryFailure = promise.getMethod("tryFailure", Throwable.class);
        if (!Executor.class.isAssignableFrom(eventExecutor)) {
            throw new NoSuchMethodException("io.netty.util.concurrent.EventExecutor is no longer an Executor");
        }
        for (Method method : outboundHandlerType.getMethods()) {
            if (!isHandledByGate(method.getName())) {
                forwardOf(method);   // fail now, not on the first bind/read/close
            }
        }
    }

    /** The bridge, or empty if this Netty does not have what it needs. */
    static Optional<NettyBridge> load() {
        try {
            return Optional.of(new NettyBridge());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            log.warn("MongoDB: cannot hold replies without blocking ({}); durable writes will wait on the event loop",
                    e.toString());
            return Optional.empty();
        }
    }

    private static boolean isHandledByGate(String name) {
        return switch (name) {
            case "write", "flush", "handlerAdded", "handlerRemoved", "exceptionCaught" -> true;
            default -> false;
        };
    }

    Object channelOf(MongoMessage message) {
        return call(messageChannel, message);
    }

    boolean inEventLoop(Object channel) {
        return (Boolean) call(inEventLoop, call(channelEventLoop, channel));
    }

    /** The gate in the channel's pipeline, added at its tail (where replies enter the pipeline) if not there yet. */
    DurableReplyGate gateOf(Object channel, Supplier<DurableReplyGate> create) {
        Object pipeline = call(channelPipeline, channel);
        Object existing = call(pipelineGet, pipeline, DurableReplyGate.NAME);
        if (existing != null) {
            return (DurableReplyGate) Proxy.getInvocationHandler(existing);
        }
        DurableReplyGate gate = create.get();
        Object handler = Proxy.newProxyInstance(outboundHandlerType.getClassLoader(),
                new Class<?>[] {outboundHandlerType}, gate);
        call(pipelineAddLast, pipeline, DurableReplyGate.NAME, handler);
        return gate;
    }

    Executor executor(Object context) {
        return (Executor) call(contextExecutor, context);
    }

    void write(Object context, Object message, Object promise) {
        call(contextWrite, context, message, promise);
    }

    void flush(Object context) {
        call(contextFlush, context);
    }

    void close(Object context) {
        call(contextClose, context);
    }

    void fireExceptionCaught(Object context, Throwable cause) {
        call(contextFireExceptionCaught, context, cause);
    }

    void tryFailure(Object promise, Throwable cause) {
        call(promiseTryFailure, promise, cause);
    }

    /** An outbound operation the gate does not change (bind, connect, close, read…): passed on as is. */
    Object forward(Method handlerMethod, Object[] args) {
        return call(forwardOf(handlerMethod), args[0], Arrays.copyOfRange(args, 1, args.length));
    }

    private Method forwardOf(Method handlerMethod) {
        return forwards.computeIfAbsent(handlerMethod, method -> {
            Class<?>[] parameters = method.getParameterTypes();
            if (parameters.length == 0 || parameters[0] != contextType) {
                throw new IllegalStateException("unexpected handler method " + method);
            }
            try {
                return contextType.getMethod(method.getName(), Arrays.copyOfRange(parameters, 1, parameters.length));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no ChannelHandlerContext counterpart of " + method, e);
            }
        });
    }

    private static Object call(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
