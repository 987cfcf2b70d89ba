package uk.customerhub.infra.benchmark;

import ch.qos.logback.classic.Level;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.bson.Document;
import org.slf4j.LoggerFactory;
import uk.customerhub.api.ContactRecorded;
import uk.customerhub.api.CustomerRegistered;
import uk.customerhub.identity.KeyedHash;
import uk.customerhub.infra.eventstore.BenchmarkSeeding;
import uk.customerhub.infra.mongo.EmbeddedMongoServer;
import uk.customerhub.projections.customerview.CustomerViewProjection;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The event store benchmark of issue 3: one run, one table, on both embedded backends (in memory, and the durable
 * file backend exactly as the default run builds it), so the figures are ratios measured side by side.
 * <p>
 * Not a test (no JUnit, and surefire's name patterns do not match it): run it with {@code scripts/benchmark.sh}.
 * Sizes and windows are system properties ({@code -Dbench.window=8}, see {@link Settings}), so it can be tried small.
 */
public final class EventStoreBenchmark {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Run settings, from system properties {@code bench.*}. */
    record Settings(int warmupSeconds, int windowSeconds, int customers, int senders, int compareEvents,
                    int growthBase, int growthLarge, int growthHuge, int lagRate, int lagWindowSeconds,
                    int summaryChars, List<String> backends, Path dataDirectory, int budgetSeconds) {
        static Settings fromSystemProperties() {
            int senders = Integer.getInteger("bench.senders", 8);
            int customers = Integer.getInteger("bench.customers", 1000);
            customers = (customers + senders - 1) / senders * senders; // every sender gets customers of its own
            return new Settings(
                    Integer.getInteger("bench.warmup", 3),
                    Integer.getInteger("bench.window", 8),
                    customers, senders,
                    Integer.getInteger("bench.compareEvents", 100_000),
                    Integer.getInteger("bench.growthBase", 10_000),
                    Integer.getInteger("bench.growthLarge", 1_000_000),
                    Integer.getInteger("bench.growthHuge", 3_000_000),
                    Integer.getInteger("bench.lagRate", 1000),
                    Integer.getInteger("bench.lagWindow", 10),
                    Integer.getInteger("bench.summaryChars", 700),
                    List.of(System.getProperty("bench.backends", "memory,file").split(",")),
                    Path.of(System.getProperty("bench.dataDir", "infra/target/benchmark-data")),
                    Integer.getInteger("bench.budget", 570));
        }
    }

    /** One line of the table. */
    record Row(String backend, String measurement, String stored, String result, String latency, String compared,
               String target, String met) {
    }

    /** The outcome of one fixed-window measurement. */
    record Measured(double perSecond, long operations, double seconds, double meanMillis, double p50Millis,
                    double p99Millis, long errors,
                    String firstError, Map<String, long[]> mongo) {
        String latency() {
            return String.format(Locale.ROOT, "%.2f / %.2f ms", p50Millis, p99Millis);
        }
    }

    /** One operation of a measured loop: {@code thread} is the sender, {@code iteration} counts its operations. */
    interface Operation {
        void run(int thread, long iteration) throws Exception;
    }

    private final Settings settings;
    private final Workload workload;
    private final KeyedHash keyedHash = new KeyedHash("benchmark-lookup-key-secret".getBytes(StandardCharsets.UTF_8));
    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, String> breakdowns = new LinkedHashMap<>();
    private final Map<String, Double> durations = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    private EventStoreBenchmark(Settings settings) {
        this.settings = settings;
        this.workload = new Workload(settings.summaryChars());
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        quietLogs();
        int status = 0;
        try {
            new EventStoreBenchmark(Settings.fromSystemProperties()).run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // Axon and Netty leave non-daemon threads behind
    }

    private static void quietLogs() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // "compound index ... is not yet implemented. ignoring" for axon-mongo's indexes: expected, see STACK.md
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("de.bwaldvogel")).setLevel(Level.ERROR);
    }

    // ---- the run --------------------------------------------------------------------------------------------------

    private void run() throws Exception {
        progress("start; settings " + settings);
        for (String backend : settings.backends()) {
            switch (backend.trim()) {
                case "memory" -> timed("memory backend (raw, commands, comparison, lag)", () -> {
                    try (Backend memory = Backend.memory()) {
                        backendRows(memory);
                    }
                });
                case "file" -> timed("file backend (raw, commands, comparison, lag)", () -> {
                    try (Backend file = Backend.file(freshDirectory(settings.dataDirectory()))) {
                        backendRows(file);
                    }
                });
                default -> throw new IllegalArgumentException("unknown backend " + backend);
            }
        }
        if (settings.backends().stream().anyMatch(b -> b.trim().equals("memory")) && settings.growthLarge() > 0) {
            timed("growth (memory)", () -> {
                try (Backend memory = Backend.memory()) {
                    growth(memory);
                }
            });
        }
        print();
    }

    private void backendRows(Backend backend) throws Exception {
        Measured raw = timedRow(backend, "raw insertOne", () -> raw(backend));
        rows.add(new Row(backend.name, "raw driver `insertOne` of commit documents, 1 thread", "–",
                perSecond(raw, "inserts/s"), raw.latency(), "", "", ""));
        breakdowns.put(backend.name + ": raw insertOne, 1 thread", breakdown(raw));

        commandRows(backend, raw);
        compareRows(backend);
        lagRow(backend);
    }

    // ---- 1. raw baseline ------------------------------------------------------------------------------------------

    private Measured raw(Backend backend) throws Exception {
        MongoDatabase database = backend.fresh("bench_raw");
        MongoCollection<Document> commits = database.getCollection(BenchmarkSeeding.COMMITS);
        // the same unique index as the event store's commits collection
        commits.createIndex(Indexes.ascending("stream"), new IndexOptions().unique(true).name("stream_unique"));
        AtomicLong position = new AtomicLong();
        Measured measured = measure(backend, 1, (thread, i) -> {
            long p = position.getAndIncrement();
            commits.insertOne(workload.seedCommit(p, "raw-" + p, 0));
        });
        database.drop();
        return measured;
    }

    // ---- 2. command path ------------------------------------------------------------------------------------------

    private void commandRows(Backend backend, Measured raw) throws Exception {
        MongoDatabase database = backend.fresh("bench_commands");
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, null)) {
            List<String> customers = register(hub, "cust", settings.customers());
            Measured one = timedRow(backend, "commands, 1 sender", () -> recordContacts(backend, hub, customers, "one", 1));
            Object statsBefore = durableStats(backend);
            Measured many = timedRow(backend, "commands, " + settings.senders() + " senders",
                    () -> recordContacts(backend, hub, customers, "many", settings.senders()));
            Object statsAfter = durableStats(backend);
            long stored = BenchmarkSeeding.nextPosition(database);

            double ofRaw = one.perSecond() / raw.perSecond();
            String storedText = "≤ " + count(stored);
            if (backend.durable) {
                rows.add(new Row(backend.name, "`RecordContact` via `CommandGateway`, 1 sender", storedText,
                        perSecond(one, "contacts/s"), one.latency(), percent(ofRaw) + " of raw",
                        "≥ 50% of raw", mark(ofRaw >= 0.5)));
                double manyOfRaw = many.perSecond() / raw.perSecond();
                rows.add(new Row(backend.name, "`RecordContact`, " + settings.senders() + " concurrent senders", storedText,
                        perSecond(many, "contacts/s"), many.latency(), times(manyOfRaw) + " raw",
                        "≥ 2× raw", mark(manyOfRaw >= 2)));
                groupCommitNote(backend, statsBefore, statsAfter, many);
            } else {
                rows.add(new Row(backend.name, "`RecordContact` via `CommandGateway`, 1 sender", storedText,
                        perSecond(one, "contacts/s"), one.latency(), percent(ofRaw) + " of raw",
                        "≥ 3,000/s and ≥ 25% of raw", mark(one.perSecond() >= 3000 && ofRaw >= 0.25)));
                double manyOfRaw = many.perSecond() / raw.perSecond();
                rows.add(new Row(backend.name, "`RecordContact`, " + settings.senders() + " concurrent senders", storedText,
                        perSecond(many, "contacts/s"), many.latency(), percent(manyOfRaw) + " of raw", "–", ""));
            }
            breakdowns.put(backend.name + ": RecordContact, 1 sender", breakdown(one));
            breakdowns.put(backend.name + ": RecordContact, " + settings.senders() + " senders", breakdown(many));
        }
        database.drop();
    }

    private Measured recordContacts(Backend backend, HubAxon hub, List<String> customers, String tag, int senders)
            throws Exception {
        int size = customers.size();
        return measure(backend, senders, (thread, i) -> {
            // sender t only ever touches customers t, t + senders, t + 2·senders, …: no two senders share an aggregate
            String customer = customers.get((int) ((i * senders + thread) % size));
            String contactId = tag + "-" + thread + "-" + i;
            hub.commands.sendAndWait(workload.contact(customer, contactId), Workload.provenance(customer, contactId));
        });
    }

    private List<String> register(HubAxon hub, String prefix, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + "-" + i);
        }
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.senders(); t++) {
            threads.add(startThread("bench-thread", () -> {
                long i;
                while ((i = next.getAndIncrement()) < count && failure.get() == null) {
                    String id = ids.get((int) i);
                    try {
                        hub.commands.sendAndWait(workload.registration(id, (int) i), Workload.provenance(id, "register-" + id));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("registering the benchmark's customers failed", failure.get());
        }
        return ids;
    }

    // ---- 3. against axon-mongo's engine -----------------------------------------------------------------------------

    private void compareRows(Backend backend) throws Exception {
        int target = settings.compareEvents();
        int seeded = Math.max(0, target - settings.customers());

        MongoDatabase axonDatabase = backend.fresh("bench_axon_engine");
        timed(backend.name + ": seed axon-mongo with " + count(seeded), () -> seedAxonEngine(backend, axonDatabase, seeded));
        Measured axon;
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.AXON_MONGO, backend.client, axonDatabase, keyedHash, null)) {
            List<String> customers = register(hub, "cust", settings.customers());
            axon = timedRow(backend, "axon-mongo engine, 1 sender", () -> recordContacts(backend, hub, customers, "axon", 1));
        }
        axonDatabase.drop();

        MongoDatabase oursDatabase = backend.fresh("bench_ours_compare");
        timed(backend.name + ": seed ours with " + count(seeded), () -> seedOurs(oursDatabase, seeded, "seed"));
        Measured ours;
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, oursDatabase, keyedHash, null)) {
            List<String> customers = register(hub, "cust", settings.customers());
            ours = timedRow(backend, "our engine at " + count(target) + ", 1 sender",
                    () -> recordContacts(backend, hub, customers, "ours", 1));
        }
        oursDatabase.drop();

        double ratio = ours.perSecond() / Math.max(axon.perSecond(), 1e-9);
        rows.add(new Row(backend.name, "axon-mongo `MongoEventStorageEngine`, 1 sender", count(target),
                perSecond(axon, "contacts/s"), axon.latency(), "", "", ""));
        rows.add(new Row(backend.name, "our `CommitStorageEngine`, same workload, 1 sender", count(target),
                perSecond(ours, "contacts/s"), ours.latency(), times(ratio) + " axon-mongo", "≥ 30× axon-mongo",
                mark(ratio >= 30)));
        breakdowns.put(backend.name + ": axon-mongo engine at " + count(target) + ", 1 sender", breakdown(axon));
        breakdowns.put(backend.name + ": our engine at " + count(target) + ", 1 sender", breakdown(ours));
    }

    /** Seeds axon-mongo's own document-per-event layout by appending through its engine in batches of 1,000. */
    private void seedAxonEngine(Backend backend, MongoDatabase database, int events) {
        EventStorageEngine engine = HubAxon.engine(HubAxon.Engine.AXON_MONGO, backend.client, database,
                workload.seedingSerializer);
        List<EventMessage<?>> batch = new ArrayList<>(1000);
        for (int i = 0; i < events; i++) {
            batch.add(workload.seedEvent("seed-" + (i / 10), i % 10));
            if (batch.size() == 1000 || i == events - 1) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
    }

    /**
     * Seeds {@code events} more commits of one event each (ten per seeded aggregate) by {@code insertMany}, at the
     * next global positions, and moves the position counter past them.
     */
    private void seedOurs(MongoDatabase database, long events, String prefix) {
        long first = BenchmarkSeeding.nextPosition(database);
        MongoCollection<Document> commits = database.getCollection(BenchmarkSeeding.COMMITS);
        List<Document> batch = new ArrayList<>(1000);
        for (long i = 0; i < events; i++) {
            long position = first + i;
            batch.add(workload.seedCommit(position, prefix + "-" + (position / 10), position % 10));
            if (batch.size() == 1000 || i == events - 1) {
                commits.insertMany(batch);
                batch.clear();
            }
        }
        BenchmarkSeeding.setNextPosition(database, first + events);
    }

    // ---- 4. growth (memory) -----------------------------------------------------------------------------------------

    private void growth(Backend backend) throws Exception {
        MongoDatabase database = backend.fresh("bench_growth");
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, null)) {
            List<String> customers = register(hub, "cust", settings.customers());
            seedTo(database, settings.growthBase());
            long baseStored = BenchmarkSeeding.nextPosition(database);
            Measured base = timedRow(backend, "growth at " + count(baseStored), () -> recordContacts(backend, hub, customers, "g0", 1));
            rows.add(new Row(backend.name, "growth: `RecordContact`, 1 sender", count(baseStored), perSecond(base, "contacts/s"),
                    base.latency(), "100%", "", ""));

            long heapBefore = usedHeapAfterGc();
            long storedBefore = BenchmarkSeeding.nextPosition(database);
            long seedStart = System.nanoTime();
            seedTo(database, settings.growthLarge());
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long large = BenchmarkSeeding.nextPosition(database);
            long heapAfter = usedHeapAfterGc();
            double bytesPerEvent = (heapAfter - heapBefore) / (double) Math.max(1, large - storedBefore);
            notes.add(String.format(Locale.ROOT, "growth seeding: %s events in %.0f s (%.0f/s); the in-memory store holds "
                            + "about %.1f KB of heap per stored event; heap used after GC %.1f GB of %.1f GB",
                    count(large - storedBefore), seedSeconds, (large - storedBefore) / seedSeconds, bytesPerEvent / 1024,
                    heapAfter / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
            growthRow(backend, hub, customers, base, large, "g1");

            int huge = settings.growthHuge();
            if (huge > large) {
                long more = huge - BenchmarkSeeding.nextPosition(database);
                double neededBytes = heapAfter + more * bytesPerEvent * 1.25;
                double neededSeconds = more / ((large - storedBefore) / seedSeconds) + settings.warmupSeconds()
                        + settings.windowSeconds() + 15;
                double elapsed = (System.nanoTime() - started) / 1e9;
                if (neededBytes > Runtime.getRuntime().maxMemory() * 0.85) {
                    notes.add(String.format(Locale.ROOT, "growth to %s skipped: it needs about %.1f GB of heap, -Xmx is %.1f GB "
                            + "(set BENCH_HEAP)", count(huge), neededBytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
                } else if (elapsed + neededSeconds > settings.budgetSeconds()) {
                    notes.add(String.format(Locale.ROOT, "growth to %s skipped: about %.0f s more would pass the %d s budget "
                            + "(%.0f s used)", count(huge), neededSeconds, settings.budgetSeconds(), elapsed));
                } else {
                    seedTo(database, huge);
                    growthRow(backend, hub, customers, base, BenchmarkSeeding.nextPosition(database), "g2");
                    notes.add(String.format(Locale.ROOT, "heap used after GC at %s stored events: %.1f GB",
                            count(BenchmarkSeeding.nextPosition(database)), usedHeapAfterGc() / 1e9));
                }
            }
        }
        database.drop();
    }

    private void growthRow(Backend backend, HubAxon hub, List<String> customers, Measured base, long stored, String tag)
            throws Exception {
        Measured measured = timedRow(backend, "growth at " + count(stored), () -> recordContacts(backend, hub, customers, tag, 1));
        double ofBase = measured.perSecond() / base.perSecond();
        rows.add(new Row(backend.name, "growth: `RecordContact`, 1 sender", count(stored), perSecond(measured, "contacts/s"),
                measured.latency(), percent(ofBase) + " of " + count(settings.growthBase()), "≥ 90%", mark(ofBase >= 0.9)));
        breakdowns.put(backend.name + ": growth at " + count(stored) + ", 1 sender", breakdown(measured));
    }

    private void seedTo(MongoDatabase database, long total) throws Exception {
        long stored = BenchmarkSeeding.nextPosition(database);
        if (total > stored) {
            timed("seed to " + count(total), () -> seedOurs(database, total - stored, "seed"));
        }
    }

    // ---- 5. tracking lag ------------------------------------------------------------------------------------------

    /** Sits after the real projection in the "customer-view" processor and notes when each contact was handled. */
    @ProcessingGroup(CustomerViewProjection.PROCESSING_GROUP)
    public static final class LagProbe {
        private static final String PREFIX = "lag-";
        final AtomicLong registrations = new AtomicLong();
        final AtomicLong handled = new AtomicLong();
        private volatile AtomicLongArray lagMicros = new AtomicLongArray(0);

        void expect(int contacts) {
            AtomicLongArray lags = new AtomicLongArray(contacts);
            for (int i = 0; i < contacts; i++) {
                lags.set(i, -1);
            }
            lagMicros = lags;
        }

        @EventHandler
        public void on(CustomerRegistered event) {
            registrations.incrementAndGet();
        }

        @EventHandler
        public void on(ContactRecorded event, @Timestamp Instant appliedAt) {
            Instant now = Instant.now();
            if (!event.contactId().startsWith(PREFIX)) {
                return;
            }
            int ticket = Integer.parseInt(event.contactId().substring(PREFIX.length()));
            AtomicLongArray lags = lagMicros;
            if (ticket < lags.length()) {
                lags.set(ticket, Math.max(0, Duration.between(appliedAt, now).toNanos() / 1000));
            }
            handled.incrementAndGet();
        }
    }

    private void lagRow(Backend backend) throws Exception {
        MongoDatabase database = backend.fresh("bench_lag");
        LagProbe probe = new LagProbe();
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, probe)) {
            List<String> customers = register(hub, "cust", settings.customers());
            waitFor(() -> probe.registrations.get() >= customers.size(), Duration.ofSeconds(60), "the view to catch up");
            long[] result = timedRowRaw(backend, "tracking lag", () -> pacedLag(hub, customers, probe));
            double p50 = result[0] / 1000.0;
            double p99 = result[1] / 1000.0;
            double max = result[2] / 1000.0;
            long unhandled = result[3];
            double achieved = result[4] / 1000.0;
            String text = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (max %.0f)", p50, p99, max);
            String offered = String.format(Locale.ROOT, "offered %,d/s, achieved %,.0f/s%s", settings.lagRate(), achieved,
                    unhandled > 0 ? ", " + unhandled + " NOT handled in 30 s" : "");
            rows.add(new Row(backend.name, "tracking processor lag, applied → handled by the projection", "≤ "
                    + count(BenchmarkSeeding.nextPosition(database)), text, "", offered, "p99 ≤ 500 ms",
                    mark(p99 <= 500 && unhandled == 0 && achieved >= settings.lagRate() * 0.95)));
        }
        database.drop();
    }

    /** Returns {p50 µs, p99 µs, max µs, unhandled, achieved rate ×1000}. */
    private long[] pacedLag(HubAxon hub, List<String> customers, LagProbe probe) throws Exception {
        int rate = settings.lagRate();
        int warm = rate * settings.warmupSeconds();
        int total = warm + rate * settings.lagWindowSeconds();
        probe.expect(total);
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;
        AtomicLong lastAck = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.senders(); t++) {
            threads.add(startThread("bench-thread", () -> {
                long k;
                while ((k = next.getAndIncrement()) < total && failure.get() == null) {
                    long due = start + k * 1_000_000_000L / rate;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    String customer = customers.get((int) (k % customers.size()));
                    String contactId = LagProbe.PREFIX + k;
                    try {
                        hub.commands.sendAndWait(workload.contact(customer, contactId), Workload.provenance(customer, contactId));
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a paced contact failed", failure.get());
        }
        long measuredFrom = start + (long) warm * 1_000_000_000L / rate;
        double achieved = (total - warm) / ((lastAck.get() - measuredFrom) / 1e9);
        waitFor(() -> probe.handled.get() >= total, Duration.ofSeconds(30), null);
        AtomicLongArray lags = probe.lagMicros;
        List<Long> measured = new ArrayList<>();
        long unhandled = 0;
        for (int k = warm; k < total; k++) {
            if (lags.get(k) < 0) {
                unhandled++;
            } else {
                measured.add(lags.get(k));
            }
        }
        long[] sorted = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        return new long[]{percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                unhandled, (long) (achieved * 1000)};
    }

    // ---- measuring ----------------------------------------------------------------------------------------------------

    /**
     * Runs {@code operation} in {@code threads} closed loops: a warm-up, then a fixed window in which completed
     * operations, their latencies and the driver's command times are recorded.
     */
    private Measured measure(Backend backend, int threads, Operation operation) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean measuring = new AtomicBoolean();
        LongAdder done = new LongAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[threads][];
        int[] latencyCounts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            latencies[t] = new long[1 << 16];
            workers.add(startThread("bench-sender-" + t, () -> {
                long iteration = 0;
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    try {
                        operation.run(thread, iteration++);
                    } catch (Exception e) {
                        errors.increment();
                        firstError.compareAndSet(null, e.toString());
                        continue;
                    }
                    long elapsed = System.nanoTime() - begin;
                    done.increment();
                    if (measuring.get()) {
                        if (latencyCounts[thread] == latencies[thread].length) {
                            latencies[thread] = Arrays.copyOf(latencies[thread], latencies[thread].length * 2);
                        }
                        latencies[thread][latencyCounts[thread]++] = elapsed;
                    }
                }
            }));
        }
        Thread.sleep(settings.warmupSeconds() * 1000L);
        long count0 = done.sum();
        long errors0 = errors.sum();
        long time0 = System.nanoTime();
        backend.times.start();
        measuring.set(true);
        Thread.sleep(settings.windowSeconds() * 1000L);
        measuring.set(false);
        long count1 = done.sum();
        long time1 = System.nanoTime();
        Map<String, long[]> mongo = backend.times.stop();
        long errors1 = errors.sum();
        stop.set(true);
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = Stream.iterate(0, t -> t < threads, t -> t + 1)
                .flatMapToLong(t -> Arrays.stream(latencies[t], 0, latencyCounts[t])).sorted().toArray();
        double seconds = (time1 - time0) / 1e9;
        long operations = count1 - count0;
        double mean = Arrays.stream(all).average().orElse(0) / 1e6;
        return new Measured(operations / seconds, operations, seconds, mean, percentile(all, 0.5) / 1e6,
                percentile(all, 0.99) / 1e6, errors1 - errors0, firstError.get(), mongo);
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Where the time of one operation went, from the driver's command times in the window. */
    private static String breakdown(Measured measured) {
        StringBuilder text = new StringBuilder();
        double mongoMicros = 0;
        List<Map.Entry<String, long[]>> entries = new ArrayList<>(measured.mongo().entrySet());
        entries.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed());
        for (Map.Entry<String, long[]> entry : entries) {
            long calls = entry.getValue()[0];
            long nanos = entry.getValue()[1];
            double perOperation = nanos / 1000.0 / measured.operations();
            mongoMicros += perOperation;
            text.append(String.format(Locale.ROOT, "    %-34s %6.2f calls/op  %8.1f µs/call  %8.1f µs/op%n",
                    entry.getKey(), calls / (double) measured.operations(), nanos / 1000.0 / calls, perOperation));
        }
        text.append(String.format(Locale.ROOT, "    %-34s %32s %8.1f µs/op%n", "all MongoDB round trips", "", mongoMicros));
        text.append(String.format(Locale.ROOT, "    %-34s %32s %8.1f µs/op%n", "mean latency of an op (sender's view)", "",
                measured.meanMillis() * 1000));
        if (measured.errors() > 0) {
            text.append("    errors in the window: ").append(measured.errors()).append(", first: ")
                    .append(measured.firstError()).append('\n');
        }
        return text.toString();
    }

    // ---- backends -----------------------------------------------------------------------------------------------------

    /** An embedded server and a client configured as {@code MongoConfiguration} does, plus a command-time listener. */
    static final class Backend implements AutoCloseable {
        final String name;
        final boolean durable;
        final EmbeddedMongoServer server;
        final MongoClient client;
        final MongoCommandTimes times = new MongoCommandTimes();

        private Backend(String name, boolean durable, EmbeddedMongoServer server) {
            this.name = name;
            this.durable = durable;
            this.server = server;
            // as MongoConfiguration.mongoClient: majority, journaled, 10 s timeout; default read concern
            MongoClientSettings clientSettings = MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(server.connectionString()))
                    .writeConcern(WriteConcern.MAJORITY.withJournal(true).withWTimeout(10, TimeUnit.SECONDS))
                    .readConcern(ReadConcern.DEFAULT)
                    .addCommandListener(times)
                    .build();
            this.client = MongoClients.create(clientSettings);
        }

        static Backend memory() {
            return new Backend("memory", false, EmbeddedMongoServer.inMemory());
        }

        /** The durable file backend, built exactly as the default run builds it (HUB_MONGO_FSYNC honoured). */
        static Backend file(Path directory) {
            return new Backend("file", true, EmbeddedMongoServer.fileBacked(directory));
        }

        MongoDatabase fresh(String database) {
            MongoDatabase found = client.getDatabase(database);
            found.drop();
            return found;
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    private static Path freshDirectory(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
        return directory;
    }

    /** The durable backend's counters (writes, commits, …) if this build has them; read reflectively, for notes only. */
    private static Object durableStats(Backend backend) {
        try {
            Method method = EmbeddedMongoServer.class.getMethod("durabilityStats");
            return ((Optional<?>) method.invoke(backend.server)).orElse(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private void groupCommitNote(Backend backend, Object before, Object after, Measured many) {
        if (before == null || after == null || !before.getClass().isRecord()) {
            return;
        }
        try {
            Map<String, Long> delta = new LinkedHashMap<>();
            for (RecordComponent component : before.getClass().getRecordComponents()) {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (a instanceof Number x && b instanceof Number y) {
                    delta.put(component.getName(), y.longValue() - x.longValue());
                }
            }
            Long writes = delta.get("writeCommands");
            Long commits = delta.get("commits");
            String ratio = writes != null && commits != null && commits > 0
                    ? String.format(Locale.ROOT, "; %.1f write commands per group commit", writes / (double) commits) : "";
            notes.add(backend.name + " backend during the " + settings.senders() + "-sender row (warm-up included): "
                    + delta + ratio + "; after: " + after);
        } catch (ReflectiveOperationException e) {
            // only a note
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    interface Step<T> {
        T run() throws Exception;
    }

    interface Action {
        void run() throws Exception;
    }

    private <T> T timedRow(Backend backend, String what, Step<T> step) throws Exception {
        long begin = System.nanoTime();
        T result = step.run();
        double seconds = (System.nanoTime() - begin) / 1e9;
        durations.merge(backend.name + ": " + what, seconds, Double::sum);
        if (result instanceof Measured m) {
            progress(String.format(Locale.ROOT, "%s: %s → %,.0f/s (p50 %.2f ms, p99 %.2f ms, %d errors)",
                    backend.name, what, m.perSecond(), m.p50Millis(), m.p99Millis(), m.errors()));
        } else {
            progress(backend.name + ": " + what + " done");
        }
        return result;
    }

    private long[] timedRowRaw(Backend backend, String what, Step<long[]> step) throws Exception {
        return timedRow(backend, what, step);
    }

    private void timed(String what, Action action) throws Exception {
        long begin = System.nanoTime();
        action.run();
        double seconds = (System.nanoTime() - begin) / 1e9;
        durations.merge(what, seconds, Double::sum);
        progress(String.format(Locale.ROOT, "%s: %.1f s", what, seconds));
    }

    private void progress(String message) {
        System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", (System.nanoTime() - started) / 1e9, message);
        System.out.flush();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                if (what != null) {
                    throw new IllegalStateException("timed out waiting for " + what);
                }
                return;
            }
            Thread.sleep(10);
        }
    }

    private static Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String perSecond(Measured measured, String unit) {
        String text = String.format(Locale.ROOT, "%,.0f %s", measured.perSecond(), unit);
        return measured.errors() > 0 ? text + " (" + measured.errors() + " errors)" : text;
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String times(double ratio) {
        return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String mark(boolean met) {
        return met ? "✓" : "✗";
    }

    // ---- the table ----------------------------------------------------------------------------------------------------

    private void print() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder();
        out.append('\n').append("## Event store benchmark — ").append(LocalDateTime.now().format(STAMP)).append("\n\n");
        out.append(String.format(Locale.ROOT, "- JVM: %s %s (%s), max heap %.1f GB, %d cores available; %s%n",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.arch"), runtime.maxMemory() / 1e9, runtime.availableProcessors(),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList())));
        out.append(String.format(Locale.ROOT, "- workload: an agent logs a phone enquiry (`RecordContact`) for one of %,d "
                        + "pre-registered customers; stored payload %,d chars of JSON + %,d chars of metadata; "
                        + "each send waits for its append (`sendAndWait`)%n", settings.customers(),
                workload.payloadChars(), workload.metaDataChars()));
        out.append(String.format(Locale.ROOT, "- each row: %d s warm-up, then a %d s window; latency is per operation "
                        + "(p50 / p99); lag row: %d s warm-up + %d s at %,d contacts/s from %d paced senders%n",
                settings.warmupSeconds(), settings.windowSeconds(), settings.warmupSeconds(), settings.lagWindowSeconds(),
                settings.lagRate(), settings.senders()));
        String fsync = Optional.ofNullable(System.getProperty("hub.mongo.fsync"))
                .or(() -> Optional.ofNullable(System.getenv("HUB_MONGO_FSYNC"))).orElse("unset (backend default)");
        out.append("- file backend: `EmbeddedMongoServer.fileBacked(").append(settings.dataDirectory())
                .append(")` as the default run builds it; HUB_MONGO_FSYNC ").append(fsync)
                .append("; client write concern majority + journal, as MongoConfiguration\n");
        out.append("- the machine has other work on it (shared cores): compare rows within this run, not across runs\n\n");
        out.append("| backend | measurement | stored events | result | latency p50 / p99 | compared | target | met |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(String.join(" | ", row.backend(), row.measurement(), row.stored(), row.result(),
                    row.latency(), row.compared(), row.target(), row.met())).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\nNotes:\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        out.append("\nWhere the time goes (driver round trips per operation, from the measured windows):\n");
        breakdowns.forEach((what, text) -> out.append("  ").append(what).append('\n').append(text));
        out.append("\nDurations:\n");
        durations.forEach((what, seconds) -> out.append(String.format(Locale.ROOT, "  %-60s %7.1f s%n", what, seconds)));
        out.append(String.format(Locale.ROOT, "  %-60s %7.1f s%n", "total", (System.nanoTime() - started) / 1e9));
        System.out.print(out);
        System.out.flush();
    }
}
