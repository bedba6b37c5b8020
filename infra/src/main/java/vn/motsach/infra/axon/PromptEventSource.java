package vn.motsach.infra.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the processors read it, with one thing added: a stream that tells its
 * reader when to look again. Axon's pooled processors otherwise look for new events only after
 * a fixed wait when the stream cannot say so, which every read-your-writes query and every
 * metric would wait out. Here every open stream is nudged every {@code interval}; a nudge only makes the
 * processor check its stream, which is cheap when nothing is there.
 */
final class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;
    private final Set<PromptStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService nudger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-stream-nudger");
        thread.setDaemon(true);
        return thread;
    });

    PromptEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration interval) {
        this.store = store;
        nudger.scheduleWithFixedDelay(() -> open.forEach(PromptStream::nudge), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        PromptStream stream = new PromptStream(store.openStream(trackingToken));
        open.add(stream);
        return stream;
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    @Override
    public void close() {
        nudger.shutdownNow();
    }

    /** One prompt source for all processors of an application, made when the first one asks. */
    static final class Shared implements AutoCloseable {

        private final Duration interval;
        private PromptEventSource source;

        Shared(Duration interval) {
            this.interval = interval;
        }

        synchronized PromptEventSource over(StreamableMessageSource<TrackedEventMessage<?>> store) {
            if (source == null) {
                source = new PromptEventSource(store, interval);
            }
            return source;
        }

        @Override
        public synchronized void close() {
            if (source != null) {
                source.close();
            }
        }
    }

    private final class PromptStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private volatile Runnable onAvailable;

        PromptStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        void nudge() {
            Runnable callback = onAvailable;
            if (callback != null) {
                callback.run();
            }
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            onAvailable = callback;
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return stream.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return stream.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return stream.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            open.remove(this);
            stream.close();
        }
    }
}
