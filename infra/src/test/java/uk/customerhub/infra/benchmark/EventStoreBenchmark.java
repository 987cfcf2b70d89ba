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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
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
                    int summaryChars, int rounds, int jitWarmupSeconds, int lagCustomers, int loadCustomers,
                    List<String> backends, Path dataDirectory,
                    int budgetSeconds, int lagSenders) {
        /**
         * The aggregate cache of the rows where records are loaded: as 10,000 cached of a hub's 250,000 customers,
         * scaled to the customers contacted; contacted in turn, none is still cached when contacted again.
         */
        int loadCache(int contacted) {
            return Math.max(1, contacted / 25);
        }

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
                    Integer.getInteger("bench.rounds", 8),
                    Integer.getInteger("bench.jitWarmup", 10),
                    Integer.getInteger("bench.lagCustomers", 200),
                    Integer.getInteger("bench.loadCustomers", 250),
                    List.of(System.getProperty("bench.backends", "memory,file").split(",")),
                    Path.of(System.getProperty("bench.dataDir", "target/benchmark-data")),
                    Integer.getInteger("bench.budget", 570),
                    // open-loop load needs rate × latency sends in flight: ~1,000/s × up to ~20 ms on the durable
                    // backend (a write waits for its group commit), as a hub's web server has many requests at once
                    Integer.getInteger("bench.lagSenders", 32));
        }
    }

    /** One line of the table. */
    record Row(String backend, String measurement, String stored, String result, String latency, String compared,
               String target, String met) {
    }

    /** The outcome of one fixed-window measurement. */
    record Measured(double perSecond, double operations, double seconds, List<Double> roundRates, double meanMillis,
                    double p50Millis, double p99Millis, long errors,
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
    private final String loadAtStart = loadAverage();

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
        if (settings.backends().stream().anyMatch(b -> b.trim().equals("memory")) && settings.growthLarge() > 0
                && !skipped("growth")) {
            timed("growth (memory)", () -> {
                try (Backend memory = Backend.memory()) {
                    growth(memory);
                }
            });
        }
        print();
    }

    private void backendRows(Backend backend) throws Exception {
        timed(backend.name + ": JIT warm-up", () -> jitWarmup(backend));
        if (!skipped("commands")) {
            timed(backend.name + ": raw and command rows", () -> commandRows(backend));
        }
        if (!skipped("compare")) {
            timed(backend.name + ": comparison rows (seeding included)", () -> compareRows(backend));
        }
        if (!skipped("lag")) {
            timed(backend.name + ": lag row", () -> lagRow(backend));
        }
    }

    /** Rows left out with {@code -Dbench.skip=commands,compare,lag,growth} (for trying things out). */
    private static boolean skipped(String rows) {
        return List.of(System.getProperty("bench.skip", "").split(",")).contains(rows);
    }

    /**
     * Runs every code path (raw inserts, commands from 1 and from several senders) on a throwaway store for a while,
     * so the first measured rows do not pay for the JIT compiling the driver, server, Axon and Jackson.
     */
    private void jitWarmup(Backend backend) throws Exception {
        long millis = settings.jitWarmupSeconds() * 1000L;
        if (millis <= 0) {
            return;
        }
        MongoDatabase database = backend.fresh("bench_warmup");
        MongoCollection<Document> raw = database.getCollection("raw_" + BenchmarkSeeding.COMMITS);
        AtomicLong position = new AtomicLong();
        round(new Scenario(backend, "warm-up raw", 1, (thread, i) -> {
            long p = position.getAndIncrement();
            raw.insertOne(workload.seedCommit(p, "raw-" + p, 0));
        }), millis / 4, 0);
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, null)) {
            List<String> customers = register(hub, "warm", Math.min(settings.customers(), 200));
            round(contacts(backend, "warm-up many", hub, customers, "warm-many", settings.senders()), millis / 2, 0);
            round(contacts(backend, "warm-up one", hub, customers, "warm-one", 1), millis / 4, 0);
        }
        database.drop();
    }

    // ---- 1. raw baseline and 2. command path, interleaved ---------------------------------------------------------

    private void commandRows(Backend backend) throws Exception {
        MongoDatabase rawDatabase = backend.fresh("bench_raw");
        MongoCollection<Document> rawCommits = rawDatabase.getCollection(BenchmarkSeeding.COMMITS);
        // the same unique index as the event store's commits collection
        rawCommits.createIndex(Indexes.ascending("stream"), new IndexOptions().unique(true).name("stream_unique"));
        AtomicLong rawPosition = new AtomicLong();
        Scenario rawScenario = new Scenario(backend, "raw insertOne, 1 thread", 1, (thread, i) -> {
            long p = rawPosition.getAndIncrement();
            rawCommits.insertOne(workload.seedCommit(p, "raw-" + p, 0));
        });

        MongoDatabase database = backend.fresh("bench_commands");
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, null)) {
            List<String> customers = register(hub, "cust", settings.customers());
            Scenario oneScenario = contacts(backend, "RecordContact, 1 sender", hub, customers, "one", 1);
            Scenario manyScenario = contacts(backend, "RecordContact, " + settings.senders() + " senders", hub,
                    customers, "many", settings.senders());
            List<Measured> measured = interleave(backend, List.of(rawScenario, oneScenario, manyScenario));
            Measured raw = measured.get(0);
            Measured one = measured.get(1);
            Measured many = measured.get(2);
            long stored = BenchmarkSeeding.nextPosition(database);

            rows.add(new Row(backend.name, "raw driver `insertOne` of commit documents, 1 thread", "–",
                    perSecond(raw, "inserts/s"), raw.latency(), "", "", ""));
            double ofRaw = one.perSecond() / raw.perSecond();
            double manyOfRaw = many.perSecond() / raw.perSecond();
            String storedText = "≤ " + count(stored);
            if (backend.durable) {
                rows.add(new Row(backend.name, "`RecordContact` via `CommandGateway`, 1 sender", storedText,
                        perSecond(one, "contacts/s"), one.latency(), percent(ofRaw) + " of raw" + roundRange(raw, one),
                        "≥ 50% of raw", mark(ofRaw >= 0.5)));
                rows.add(new Row(backend.name, "`RecordContact`, " + settings.senders() + " concurrent senders", storedText,
                        perSecond(many, "contacts/s"), many.latency(), times(manyOfRaw) + " raw" + roundRange(raw, many, true),
                        "≥ 2× raw", mark(manyOfRaw >= 2)));
                groupCommitNote(backend, manyScenario);
            } else {
                rows.add(new Row(backend.name, "`RecordContact` via `CommandGateway`, 1 sender", storedText,
                        perSecond(one, "contacts/s"), one.latency(), percent(ofRaw) + " of raw" + roundRange(raw, one),
                        "≥ 3,000/s and ≥ 25% of raw", mark(one.perSecond() >= 3000 && ofRaw >= 0.25)));
                rows.add(new Row(backend.name, "`RecordContact`, " + settings.senders() + " concurrent senders", storedText,
                        perSecond(many, "contacts/s"), many.latency(), times(manyOfRaw) + " raw", "", ""));
            }
            breakdowns.put(backend.name + ": raw insertOne, 1 thread", breakdown(raw));
            breakdowns.put(backend.name + ": RecordContact, 1 sender", breakdown(one));
            breakdowns.put(backend.name + ": RecordContact, " + settings.senders() + " senders", breakdown(many));
        }
        database.drop();
        rawDatabase.drop();
    }

    /** Contacts recorded through the gateway; sender t only ever touches customers t, t + senders, t + 2·senders, … */
    private Scenario contacts(Backend backend, String name, HubAxon hub, List<String> customers, String tag, int senders) {
        int size = customers.size();
        return new Scenario(backend, name, senders, (thread, i) -> {
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
            threads.add(startThread("bench-register-" + t, () -> {
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

    /**
     * The same workload on both engines, each store seeded to the same size, in two variants measured in the same
     * interleaved rounds: records loaded (an aggregate cache smaller than the customers contacted in turn, so every
     * contact loads its record from the store — what most contacts do in a hub of 250,000 customers with a 10,000-record
     * cache, and the cost the target is about) and records cached (the cache holds them all, so neither engine reads).
     */
    private void compareRows(Backend backend) throws Exception {
        int target = settings.compareEvents();
        int loadCustomers = settings.loadCustomers();
        int loadCache = settings.loadCache(loadCustomers);
        int seeded = Math.max(0, target - settings.customers() - loadCustomers);

        MongoDatabase axonDatabase = backend.fresh("bench_axon_engine");
        MongoDatabase oursDatabase = backend.fresh("bench_ours_compare");
        List<Measured> measured;
        try (HubAxon axonHub = HubAxon.start(HubAxon.Engine.AXON_MONGO, backend.client, axonDatabase, keyedHash, null);
             HubAxon oursHub = HubAxon.start(HubAxon.Engine.OURS, backend.client, oursDatabase, keyedHash, null);
             HubAxon axonLoading = HubAxon.start(HubAxon.Engine.AXON_MONGO, backend.client, axonDatabase, keyedHash, null,
                     loadCache);
             HubAxon oursLoading = HubAxon.start(HubAxon.Engine.OURS, backend.client, oursDatabase, keyedHash, null,
                     loadCache)) {
            // customers first, while the stores are empty: registering on axon-mongo's engine at 100,000 events would
            // cost a full scan per customer; then the seeded events, by bulk inserts, with nothing else running. The
            // two hubs on one store have customers of their own, so neither's cache holds a record the other changed.
            List<String> axonCustomers = register(axonHub, "cust", settings.customers());
            List<String> ourCustomers = register(oursHub, "cust", settings.customers());
            List<String> axonLoaded = register(axonLoading, "load", loadCustomers);
            List<String> oursLoaded = register(oursLoading, "load", loadCustomers);
            timed(backend.name + ": seed axon-mongo with " + count(seeded), () -> seedAxonEngine(backend, axonDatabase, seeded));
            timed(backend.name + ": seed ours with " + count(seeded), () -> seedOurs(oursDatabase, seeded, "seed"));
            measured = new ArrayList<>(interleave(backend, List.of(
                    contacts(backend, "axon-mongo engine at " + count(target) + ", records loaded", axonLoading, axonLoaded,
                            "axon-load", 1),
                    contacts(backend, "our engine at " + count(target) + ", records loaded", oursLoading, oursLoaded,
                            "ours-load", 1))));
            // the cached variant, for reference only (no reads): half the window and rounds, to keep the run short
            measured.addAll(interleave(backend, List.of(
                    contacts(backend, "axon-mongo engine at " + count(target) + ", records cached", axonHub, axonCustomers,
                            "axon", 1),
                    contacts(backend, "our engine at " + count(target) + ", records cached", oursHub, ourCustomers,
                            "ours", 1)),
                    Math.max(1, settings.windowSeconds() / 2), Math.max(2, settings.rounds() / 2)));
        }
        axonDatabase.drop();
        oursDatabase.drop();
        String loaded = String.format(Locale.ROOT, "records loaded (cache of %,d for %,d customers contacted in turn: "
                + "every contact loads its record)", loadCache, loadCustomers);
        String cached = String.format(Locale.ROOT, "records cached (%,d customers, all in the cache: neither engine "
                + "reads)", settings.customers());
        compareRow(backend, target, loaded, measured.get(0), measured.get(1), true);
        compareRow(backend, target, cached, measured.get(2), measured.get(3), false);
    }

    private void compareRow(Backend backend, int target, String variant, Measured axon, Measured ours, boolean targeted) {
        double ratio = axon.perSecond() > 0 ? ours.perSecond() / axon.perSecond() : Double.NaN;
        rows.add(new Row(backend.name, "axon-mongo `MongoEventStorageEngine`, 1 sender, " + variant, count(target),
                perSecond(axon, "contacts/s"), axon.latency(), "", "", ""));
        rows.add(new Row(backend.name, "our `CommitStorageEngine`, same workload, 1 sender, " + variant, count(target),
                perSecond(ours, "contacts/s"), ours.latency(), times(ratio) + " axon-mongo" + roundRange(axon, ours, true),
                targeted ? "≥ 30× axon-mongo" : "(no reads: not what the target is about)",
                targeted ? mark(ratio >= 30) : ""));
        String what = targeted ? "records loaded" : "records cached";
        breakdowns.put(backend.name + ": axon-mongo engine at " + count(target) + ", 1 sender, " + what, breakdown(axon));
        breakdowns.put(backend.name + ": our engine at " + count(target) + ", 1 sender, " + what, breakdown(ours));
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

    /**
     * Growth: a large store (seeded to the large size, then to the huge one if heap and time allow) against a small
     * one, each level measured in interleaved rounds with customers registered fresh for it (so the aggregates
     * compared have the same few events), and the small store built fresh at the base size for each level.
     */
    private void growth(Backend backend) throws Exception {
        int customers = settings.customers();
        MongoDatabase large = backend.fresh("bench_growth_large");
        long heapBefore = usedHeapAfterGc();
        long seedStart = System.nanoTime();
        seedTo(large, settings.growthLarge() - customers);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long seeded = BenchmarkSeeding.nextPosition(large);
        long heapAfter = usedHeapAfterGc();
        double bytesPerEvent = (heapAfter - heapBefore) / (double) Math.max(1, seeded);
        double seedRate = seeded / seedSeconds;
        notes.add(String.format(Locale.ROOT, "growth seeding: %s events by insertMany in %.0f s (%,.0f/s); the in-memory "
                        + "store holds about %.1f KB of heap per stored event; heap used after GC %.1f GB of %.1f GB",
                count(seeded), seedSeconds, seedRate, bytesPerEvent / 1024, heapAfter / 1e9,
                Runtime.getRuntime().maxMemory() / 1e9));
        growthLevel(backend, large, 1);

        int huge = settings.growthHuge();
        if (huge > settings.growthLarge()) {
            long more = huge - customers - BenchmarkSeeding.nextPosition(large);
            double neededBytes = usedHeapAfterGc() + more * bytesPerEvent * 1.25;
            double neededSeconds = more / seedRate + settings.warmupSeconds() * 2 + settings.windowSeconds() * 2 + 20;
            double elapsed = (System.nanoTime() - started) / 1e9;
            if (neededBytes > Runtime.getRuntime().maxMemory() * 0.85) {
                notes.add(String.format(Locale.ROOT, "growth to %s skipped: it needs about %.1f GB of heap and -Xmx is "
                        + "%.1f GB (BENCH_HEAP)", count(huge), neededBytes / 1e9, Runtime.getRuntime().maxMemory() / 1e9));
            } else if (elapsed + neededSeconds > settings.budgetSeconds()) {
                notes.add(String.format(Locale.ROOT, "growth to %s skipped: about %.0f s more would pass the %d s budget "
                        + "(%.0f s used so far)", count(huge), neededSeconds, settings.budgetSeconds(), elapsed));
            } else {
                seedTo(large, huge - customers);
                growthLevel(backend, large, 2);
                notes.add(String.format(Locale.ROOT, "heap used after GC with %s events in the large store: %.1f GB",
                        count(BenchmarkSeeding.nextPosition(large)), usedHeapAfterGc() / 1e9));
            }
        }
        large.drop();
    }

    /**
     * One growth level, the two things that must not slow down as the store grows, each measured on the small and the
     * large store in interleaved rounds: a contact that loads its record (a cache smaller than the customers contacted
     * in turn, so every contact reads the record's snapshot and commits, then appends), and a tracking processor's
     * next batch (the events after a random position, as a processor catching up or replaying fetches them).
     */
    private void growthLevel(Backend backend, MongoDatabase large, int level) throws Exception {
        MongoDatabase small = backend.fresh("bench_growth_small");
        seedTo(small, settings.growthBase() - settings.customers());
        int cache = settings.loadCache(settings.customers());
        List<Measured> measured;
        List<Measured> fetched;
        long smallStored;
        long largeStored;
        try (HubAxon smallHub = HubAxon.start(HubAxon.Engine.OURS, backend.client, small, keyedHash, null, cache);
             HubAxon largeHub = HubAxon.start(HubAxon.Engine.OURS, backend.client, large, keyedHash, null, cache)) {
            List<String> smallCustomers = register(smallHub, "small" + level, settings.customers());
            List<String> largeCustomers = register(largeHub, "large" + level, settings.customers());
            smallStored = BenchmarkSeeding.nextPosition(small);
            largeStored = BenchmarkSeeding.nextPosition(large);
            // twice the window and the rounds of other rows: this ratio is the noisiest (GC of a multi-GB heap shared
            // with the in-memory server, other work on the machine)
            measured = interleave(backend, List.of(
                    contacts(backend, "growth: store at " + count(smallStored), smallHub, smallCustomers, "small" + level, 1),
                    contacts(backend, "growth: store at " + count(largeStored), largeHub, largeCustomers, "large" + level, 1)),
                    settings.windowSeconds() * 2, settings.rounds() * 2);
            long smallSpan = smallStored - HubAxon.BATCH_SIZE;
            long largeSpan = largeStored - HubAxon.BATCH_SIZE;
            fetched = interleave(backend, List.of(
                    new Scenario(backend, "growth: next tracking batch, store at " + count(smallStored), 1, (thread, i) ->
                            BenchmarkSeeding.nextTrackingBatch(smallHub.engine,
                                    ThreadLocalRandom.current().nextLong(smallSpan), HubAxon.BATCH_SIZE)),
                    new Scenario(backend, "growth: next tracking batch, store at " + count(largeStored), 1, (thread, i) ->
                            BenchmarkSeeding.nextTrackingBatch(largeHub.engine,
                                    ThreadLocalRandom.current().nextLong(largeSpan), HubAxon.BATCH_SIZE))),
                    // a fetch takes about a millisecond: half the window gives thousands per store
                    Math.max(1, settings.windowSeconds() / 2), Math.max(2, settings.rounds() / 2));
        }
        small.drop();
        String loads = String.format(Locale.ROOT, "(cache of %,d for %,d customers contacted in turn: every contact "
                + "loads its record)", cache, settings.customers());
        Measured base = measured.get(0);
        Measured grown = measured.get(1);
        double ofBase = grown.perSecond() / base.perSecond();
        rows.add(new Row(backend.name, "growth: `RecordContact`, 1 sender, small store " + loads, count(smallStored),
                perSecond(base, "contacts/s"), base.latency(), "", "", ""));
        rows.add(new Row(backend.name, "growth: `RecordContact`, 1 sender, large store (same rounds)", count(largeStored),
                perSecond(grown, "contacts/s"), grown.latency(), percent(ofBase) + " of the small store"
                + roundRange(base, grown), "≥ 90%", mark(ofBase >= 0.9)));
        Measured fetchBase = fetched.get(0);
        Measured fetchGrown = fetched.get(1);
        double fetchOfBase = fetchGrown.perSecond() / fetchBase.perSecond();
        rows.add(new Row(backend.name, "growth: next tracking batch (" + HubAxon.BATCH_SIZE + " events after a random "
                + "position), 1 reader, small store", count(smallStored), perSecond(fetchBase, "batches/s"),
                fetchBase.latency(), "", "", ""));
        rows.add(new Row(backend.name, "growth: next tracking batch, large store (same rounds)", count(largeStored),
                perSecond(fetchGrown, "batches/s"), fetchGrown.latency(), percent(fetchOfBase) + " of the small store"
                + roundRange(fetchBase, fetchGrown), "≥ 90%", mark(fetchOfBase >= 0.9)));
        breakdowns.put(backend.name + ": growth, store at " + count(smallStored) + ", 1 sender, records loaded", breakdown(base));
        breakdowns.put(backend.name + ": growth, store at " + count(largeStored) + ", 1 sender, records loaded", breakdown(grown));
        breakdowns.put(backend.name + ": growth, next tracking batch, store at " + count(smallStored), breakdown(fetchBase));
        breakdowns.put(backend.name + ": growth, next tracking batch, store at " + count(largeStored), breakdown(fetchGrown));
    }

    private void seedTo(MongoDatabase database, long total) throws Exception {
        long stored = BenchmarkSeeding.nextPosition(database);
        if (total > stored) {
            timed("seed " + database.getName() + " to " + count(total), () -> seedOurs(database, total - stored, "seed"));
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

        /** Noted once the batch holding the event is committed: its view writes are stored then, and its token. */
        @EventHandler
        public void on(ContactRecorded event, @Timestamp Instant appliedAt) {
            if (!event.contactId().startsWith(PREFIX)) {
                return;
            }
            int ticket = Integer.parseInt(event.contactId().substring(PREFIX.length()));
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
                Instant now = Instant.now();
                AtomicLongArray lags = lagMicros;
                if (ticket < lags.length()) {
                    lags.set(ticket, Math.max(0, Duration.between(appliedAt, now).toNanos() / 1000));
                }
                handled.incrementAndGet();
            });
        }
    }

    /** What the paced run saw; times in microseconds. */
    record Lag(long p50, long p99, long max, long unhandled, double achievedRate, double handledRate, String failure,
               long contacts, long notSent, Map<String, long[]> mongo) {
    }

    private void lagRow(Backend backend) throws Exception {
        MongoDatabase database = backend.fresh("bench_lag");
        LagProbe probe = new LagProbe();
        try (HubAxon hub = HubAxon.start(HubAxon.Engine.OURS, backend.client, database, keyedHash, probe)) {
            // fewer customers than the other rows: the view must have handled every registration before the run
            List<String> customers = register(hub, "cust", settings.lagCustomers());
            waitFor(() -> probe.registrations.get() >= customers.size(), Duration.ofSeconds(60));
            if (probe.registrations.get() < customers.size()) {
                notes.add(backend.name + ": the view had handled only " + probe.registrations.get() + " of "
                        + customers.size() + " registrations after 60 s; the lag run started anyway");
            }
            Lag lag = timedRow(backend, "tracking lag", () -> pacedLag(backend, hub, customers, probe));
            String text = String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms (max %.0f ms)", lag.p50() / 1000.0,
                    lag.p99() / 1000.0, lag.max() / 1000.0);
            String compared = String.format(Locale.ROOT, "offered %,d/s, sent %,.0f/s, view handled %,.0f/s%s%s",
                    settings.lagRate(), lag.achievedRate(), lag.handledRate(),
                    lag.notSent() > 0 ? "; " + count(lag.notSent()) + " contacts of the measured schedule not sent (over 1 s late)"
                            : "",
                    lag.unhandled() > 0 ? "; " + count(lag.unhandled()) + " still unhandled 20 s after the last send"
                            + " (not in the percentiles)" : "");
            rows.add(new Row(backend.name, "tracking processor lag: applied → view batch committed", "≤ "
                    + count(BenchmarkSeeding.nextPosition(database)), text, "", compared, "p99 ≤ 500 ms",
                    mark(lag.p99() <= 500_000 && lag.unhandled() == 0 && lag.notSent() == 0 && lag.failure() == null
                            && lag.achievedRate() >= settings.lagRate() * 0.95)));
            if (lag.failure() != null) {
                notes.add(backend.name + ": a paced contact failed: " + lag.failure());
            }
            progress(String.format(Locale.ROOT, "%s: lag %s; %s", backend.name, text, compared));
            breakdowns.put(backend.name + ": lag row at " + count(settings.lagRate()) + "/s offered, commands and the "
                    + "view's processor together, per contact", breakdown(new Measured(lag.achievedRate(), lag.contacts(),
                    0, List.of(), 0, 0, 0, 0, null, lag.mongo())));
        }
        database.drop();
    }

    /**
     * Open-loop load: contact k is due at start + k/rate, sent by whichever of the paced senders is free; the lag of
     * contacts after the warm-up is the time from the event's timestamp (set as the command applies it, just before
     * the append) to the commit of the batch that handled it (view written, token stored).
     */
    private Lag pacedLag(Backend backend, HubAxon hub, List<String> customers, LagProbe probe) throws Exception {
        int rate = settings.lagRate();
        int warm = rate * settings.warmupSeconds();
        int total = warm + rate * settings.lagWindowSeconds();
        probe.expect(total);
        AtomicLong next = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime() + 50_000_000L;
        long measuredFrom = start + (long) warm * 1_000_000_000L / rate;
        // a contact more than a second late is not sent (the senders cannot keep up): it is counted, not queued, so the
        // run keeps to its schedule; and no sender starts a contact later than 5 s after the schedule's end
        long deadline = start + (long) total * 1_000_000_000L / rate + 5_000_000_000L;
        AtomicIntegerArray sent = new AtomicIntegerArray(total);
        AtomicLong lastAck = new AtomicLong();
        AtomicLong handledAtMeasuredFrom = new AtomicLong(-1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < settings.lagSenders(); t++) {
            threads.add(startThread("bench-paced-" + t, () -> {
                long k;
                while ((k = next.getAndIncrement()) < total && failure.get() == null && System.nanoTime() < deadline) {
                    long due = start + k * 1_000_000_000L / rate;
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (k == warm) {
                        handledAtMeasuredFrom.set(probe.handled.get());
                        backend.times.start();
                    }
                    if (System.nanoTime() - due > 1_000_000_000L) {
                        continue;
                    }
                    String customer = customers.get((int) (k % customers.size()));
                    String contactId = LagProbe.PREFIX + k;
                    try {
                        hub.commands.sendAndWait(workload.contact(customer, contactId), Workload.provenance(customer, contactId));
                        sent.set((int) k, 1);
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
        if (handledAtMeasuredFrom.get() < 0) {
            backend.times.start(); // the warm-up never ended: nothing measured
        }
        long sentMeasured = 0;
        for (int k = warm; k < total; k++) {
            sentMeasured += sent.get(k);
        }
        long handledAtEnd = probe.handled.get();
        double sendingSeconds = Math.max(1e-3, (lastAck.get() - measuredFrom) / 1e9);
        double achieved = failure.get() != null ? 0 : sentMeasured / sendingSeconds;
        double handledRate = failure.get() != null || handledAtMeasuredFrom.get() < 0 ? 0
                : (handledAtEnd - handledAtMeasuredFrom.get()) / sendingSeconds;
        long expected = 0;
        for (int k = 0; k < total; k++) {
            expected += sent.get(k);
        }
        long expectedHandled = expected;
        waitFor(() -> probe.handled.get() >= expectedHandled, Duration.ofSeconds(20));
        Map<String, long[]> mongo = backend.times.stop();
        AtomicLongArray lags = probe.lagMicros;
        List<Long> measured = new ArrayList<>();
        long unhandled = 0;
        for (int k = warm; k < total; k++) {
            if (sent.get(k) == 0) {
                continue;
            }
            if (lags.get(k) < 0) {
                unhandled++;
            } else {
                measured.add(lags.get(k));
            }
        }
        long[] sorted = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Lag(percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                unhandled, achieved, handledRate, failure.get() == null ? null : failure.get().toString(),
                sentMeasured, (total - warm) - sentMeasured, mongo);
    }

    // ---- measuring ----------------------------------------------------------------------------------------------------

    /** A workload measured in rounds: its senders keep their iteration counts (and so unique ids) across rounds. */
    static final class Scenario {
        final Backend backend;
        final String name;
        final int threads;
        final Operation operation;
        final long[] iterations;
        final List<long[]> latencies = new ArrayList<>();
        final Map<String, long[]> mongo = new java.util.TreeMap<>();
        final Map<String, Long> durableDeltas = new LinkedHashMap<>();
        /** Operations per second of each measured round, in order. */
        final List<Double> roundRates = new ArrayList<>();
        double operations;
        double seconds;
        long errors;
        String firstError;

        Scenario(Backend backend, String name, int threads, Operation operation) {
            this.backend = backend;
            this.name = name;
            this.threads = threads;
            this.operation = operation;
            this.iterations = new long[threads];
        }

        Measured measured() {
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double mean = Arrays.stream(all).average().orElse(0) / 1e6;
            return new Measured(operations / seconds, operations, seconds, List.copyOf(roundRates), mean,
                    percentile(all, 0.5) / 1e6,
                    percentile(all, 0.99) / 1e6, errors, firstError, mongo);
        }
    }

    /**
     * Measures the scenarios in interleaved rounds, so a burst of other work on the machine falls on all of them
     * alike: each is warmed up once, then each round runs every scenario for its share of the window (after a short
     * re-warm-up), in an order that rotates from round to round.
     */
    private List<Measured> interleave(Backend backend, List<Scenario> scenarios) throws Exception {
        return interleave(backend, scenarios, settings.windowSeconds(), settings.rounds());
    }

    private List<Measured> interleave(Backend backend, List<Scenario> scenarios, int windowSeconds, int rounds)
            throws Exception {
        for (Scenario scenario : scenarios) {
            round(scenario, settings.warmupSeconds() * 1000L, 0);
        }
        long share = windowSeconds * 1000L / rounds;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < scenarios.size(); i++) {
                round(scenarios.get((i + round) % scenarios.size()), 300, share);
            }
        }
        List<Measured> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            Measured measured = scenario.measured();
            results.add(measured);
            if (measured.errors() > 0) {
                notes.add(String.format(Locale.ROOT, "%s: %s had %,d failed operations in its windows; first: %s",
                        backend.name, scenario.name, measured.errors(), measured.firstError()));
            }
            progress(String.format(Locale.ROOT, "%s: %s → %,.2f/s (p50 %.2f ms, p99 %.2f ms, %d errors)",
                    backend.name, scenario.name, measured.perSecond(), measured.p50Millis(), measured.p99Millis(),
                    measured.errors()));
        }
        return results;
    }

    /**
     * Runs the scenario's closed loops for {@code warmupMillis}, then records a window of {@code windowMillis}:
     * operations, their latencies, the driver's command times and the durable backend's counters. An operation counts
     * for the fraction of its duration that fell inside the window (so an operation slower than the window still
     * counts, in part), and its latency is kept if it overlapped the window at all.
     */
    private void round(Scenario scenario, long warmupMillis, long windowMillis) throws InterruptedException {
        int threads = scenario.threads;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
        DoubleAdder inWindow = new DoubleAdder();
        LongAdder errors = new LongAdder();
        AtomicReference<String> firstError = new AtomicReference<>();
        long[][] latencies = new long[threads][];
        int[] latencyCounts = new int[threads];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            latencies[t] = new long[1 << 12];
            workers.add(startThread("bench-sender-" + t, () -> {
                while (!stop.get()) {
                    long begin = System.nanoTime();
                    boolean failed = false;
                    try {
                        scenario.operation.run(thread, scenario.iterations[thread]++);
                    } catch (Exception e) {
                        failed = true;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long end = System.nanoTime();
                    long overlap = Math.min(end, windowEnd.get()) - Math.max(begin, windowStart.get());
                    if (windowStart.get() == Long.MAX_VALUE || overlap <= 0) {
                        continue;
                    }
                    if (failed) {
                        errors.increment();
                        continue;
                    }
                    inWindow.add(end > begin ? overlap / (double) (end - begin) : 1);
                    if (latencyCounts[thread] == latencies[thread].length) {
                        latencies[thread] = Arrays.copyOf(latencies[thread], latencies[thread].length * 2);
                    }
                    latencies[thread][latencyCounts[thread]++] = end - begin;
                }
            }));
        }
        Thread.sleep(warmupMillis);
        Object statsBefore = null;
        Map<String, long[]> mongo = Map.of();
        if (windowMillis > 0) {
            statsBefore = durableStats(scenario.backend);
            scenario.backend.times.start();
            windowStart.set(System.nanoTime());
            Thread.sleep(windowMillis);
            windowEnd.set(System.nanoTime());
            mongo = scenario.backend.times.stop();
        }
        stop.set(true);
        for (Thread worker : workers) {
            worker.join(); // operations still running finish, and count for their part inside the window
        }
        if (windowMillis > 0) {
            Object statsAfter = durableStats(scenario.backend);
            double roundSeconds = (windowEnd.get() - windowStart.get()) / 1e9;
            scenario.operations += inWindow.sum();
            scenario.seconds += roundSeconds;
            scenario.roundRates.add(inWindow.sum() / roundSeconds);
            scenario.errors += errors.sum();
            if (scenario.firstError == null) {
                scenario.firstError = firstError.get();
            }
            mongo.forEach((label, sums) -> scenario.mongo.merge(label, sums, (x, y) -> new long[]{x[0] + y[0], x[1] + y[1]}));
            durableDeltas(statsBefore, statsAfter).forEach((key, delta) -> scenario.durableDeltas.merge(key, delta, Long::sum));
            for (int t = 0; t < threads; t++) {
                scenario.latencies.add(Arrays.copyOf(latencies[t], latencyCounts[t]));
            }
        }
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
        if (entries.isEmpty()) {
            text.append("    (no MongoDB command both started and ended inside a measured round: the operations take longer)\n");
        } else {
            text.append(String.format(Locale.ROOT, "    %-34s %32s %8.1f µs/op%n", "all MongoDB round trips", "", mongoMicros));
        }
        if (measured.meanMillis() > 0) {
            text.append(String.format(Locale.ROOT, "    %-34s %32s %8.1f µs/op%n", "mean latency of an op (sender's view)",
                    "", measured.meanMillis() * 1000));
        }
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

    /** Differences of the numeric components of the durable backend's counters (empty if unavailable). */
    private static Map<String, Long> durableDeltas(Object before, Object after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        if (before == null || after == null || !before.getClass().isRecord()) {
            return delta;
        }
        try {
            for (RecordComponent component : before.getClass().getRecordComponents()) {
                Object a = component.getAccessor().invoke(before);
                Object b = component.getAccessor().invoke(after);
                if (a instanceof Number x && b instanceof Number y) {
                    delta.put(component.getName(), y.longValue() - x.longValue());
                }
            }
        } catch (ReflectiveOperationException e) {
            delta.clear();
        }
        return delta;
    }

    private void groupCommitNote(Backend backend, Scenario scenario) {
        Map<String, Long> delta = scenario.durableDeltas;
        Long writes = delta.get("writeCommands");
        Long commits = delta.get("commits");
        if (writes == null || commits == null || commits == 0) {
            return;
        }
        notes.add(String.format(Locale.ROOT, "%s backend, %s, in the measured windows: %,d write commands in %,d group "
                        + "commits (%.1f per commit), %,.0f contacts (%.1f write commands each); per group commit the "
                        + "committer waited %.2f ms for the command boundary, committed in %.2f ms, fsynced in %.2f ms; "
                        + "after the row: %s",
                backend.name, scenario.name, writes, commits, writes / (double) commits, scenario.operations,
                writes / Math.max(1, scenario.operations),
                delta.getOrDefault("committerLockWaitMillis", 0L) / (double) commits,
                delta.getOrDefault("committerCommitMillis", 0L) / (double) commits,
                delta.getOrDefault("committerSyncMillis", 0L) / (double) commits, durableStats(backend)));
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
        progress(String.format(Locale.ROOT, "%s: %s done in %.1f s", backend.name, what, seconds));
        return result;
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

    /** Waits until {@code condition} holds or {@code timeout} passes. */
    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static Thread startThread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.start();
        return thread;
    }

    /** The first three fields of /proc/loadavg, or "unknown". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String perSecond(Measured measured, String unit) {
        String text = String.format(Locale.ROOT, measured.perSecond() < 10 ? "%.2f %s" : "%,.0f %s", measured.perSecond(), unit);
        return measured.errors() > 0 ? text + " (" + measured.errors() + " errors)" : text;
    }

    /** " (rounds 80–120%)": the ratio of each pair of adjacent rounds, to show how much the machine moved it. */
    private static String roundRange(Measured base, Measured other) {
        return roundRange(base, other, false);
    }

    private static String roundRange(Measured base, Measured other, boolean asTimes) {
        int rounds = Math.min(base.roundRates().size(), other.roundRates().size());
        if (rounds < 2) {
            return "";
        }
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < rounds; i++) {
            double ratio = other.roundRates().get(i) / Math.max(base.roundRates().get(i), 1e-9);
            min = Math.min(min, ratio);
            max = Math.max(max, ratio);
        }
        return asTimes ? " (rounds " + times(min) + "–" + times(max) + ")"
                : " (rounds " + percent(min) + "–" + percent(max) + ")";
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
    }

    private static String times(double ratio) {
        if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
            return "n/a";
        }
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
                        + "customers registered by command beforehand (fresh ones per comparison); stored payload %,d chars of JSON + %,d chars of metadata; "
                        + "each send waits for its append (`sendAndWait`)%n", settings.customers(),
                workload.payloadChars(), workload.metaDataChars()));
        out.append(String.format(Locale.ROOT, "- sizes: %,d customers per command row (%,d in the lag row), %d senders; "
                        + "comparison at %,d stored events; growth from %,d to %,d and %,d (the last only if heap and "
                        + "time allow); JIT warm-up %d s per backend%n", settings.customers(), settings.lagCustomers(),
                settings.senders(), settings.compareEvents(), settings.growthBase(), settings.growthLarge(),
                settings.growthHuge(), settings.jitWarmupSeconds()));
        out.append(String.format(Locale.ROOT, "- each row: %d s warm-up, then %d s measured in %d rounds interleaved with "
                        + "the rows it is compared with (raw / 1 sender / %d senders; axon-mongo / ours with records loaded; "
                        + "then with records cached, half the window; small / large store, whose contacts get twice the "
                        + "window and rounds and whose tracking fetches half); latency is per operation, as its sender saw it "
                        + "(p50 / p99)%n",
                settings.warmupSeconds(), settings.windowSeconds(), settings.rounds(), settings.senders()));
        out.append(String.format(Locale.ROOT, "- records loaded: the aggregate cache holds 1/25 of the customers contacted "
                        + "in turn (as 10,000 of a hub's 250,000), so every contact loads its record (snapshot, then "
                        + "commits) before it appends; records cached: the hub's 10,000-record cache holds them all, so no "
                        + "contact reads the store%n"));
        out.append(String.format(Locale.ROOT, "- lag row: %,d contacts/s offered open-loop by %d paced senders to %,d customers, %d s warm-up "
                        + "+ %d s measured; lag = commit of the view processor's batch that handled it − the event's timestamp (set as the "
                        + "command applies it, just before the append), so it slightly over-states append → handled%n",
                settings.lagRate(), settings.lagSenders(), settings.lagCustomers(), settings.warmupSeconds(),
                settings.lagWindowSeconds()));
        String fsync = Optional.ofNullable(System.getProperty("hub.mongo.fsync"))
                .or(() -> Optional.ofNullable(System.getenv("HUB_MONGO_FSYNC"))).orElse("unset (backend default)");
        out.append("- file backend: `EmbeddedMongoServer.fileBacked(").append(settings.dataDirectory())
                .append(")` as the default run builds it; HUB_MONGO_FSYNC ").append(fsync)
                .append("; client write concern majority + journal, as MongoConfiguration\n");
        out.append("- load average (1, 5, 15 min) at the start: ").append(loadAtStart).append("; at the end: ")
                .append(loadAverage()).append(" — the cores are shared with other work, so compare rows within this run, "
                        + "not across runs\n\n");
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
