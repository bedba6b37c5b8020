package vn.motsach.command.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.command.execution.TransactionRetries;
import vn.motsach.command.imports.ImportProcess.RecordOutcome;
import vn.motsach.events.Refused;
import vn.motsach.infra.background.BackgroundThreads;

/**
 * Runs import jobs in the background, one at a time and below the desks' priority
 * ({@link BackgroundThreads}), so that an import never takes the desks' cores. A job reads its file twice: once to count and check every record (a file it cannot
 * read fails before anything goes in), once to apply it in batches. A batch's events, its
 * counts and its issues commit in one transaction, so the job's progress is exactly what went
 * in: a job the process left running when it stopped resumes at start-up after its last batch.
 * A batch that fails as a whole (a command refused after all) is applied again record by record,
 * so one bad record is rejected and the others still go in. A batch (or a record) PostgreSQL
 * rolled back for another transaction's sake is first run again whole ({@link TransactionRetries}),
 * so a desk's checkout meeting the import does not cost a record. A record naming what an earlier
 * record of the file named is rejected before the applier sees it ({@link RepeatedInFile}).
 */
@Component
class ImportRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    /**
     * An import runs below the desks' requests but above the processors catching up with what it
     * stores ({@link BackgroundThreads#NICENESS}): when a batch commits they all wake at once, and an
     * import at their level waited for a core longer than it ran; they catch up while it waits for
     * PostgreSQL, and the librarian following its progress sees it finish sooner. Just below the
     * requests rather than half-way: a dozen processors' threads at 10 together outweigh one
     * thread at 5, and the desks fared no worse with the import at 2 (docs/benchmarks.md).
     */
    static final int NICENESS = 2;

    private final ImportJobs jobs;
    private final Map<ImportKind, ImportProcess<?>> processes = new EnumMap<>(ImportKind.class);
    private final CommandGateway gateway;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int batchSize;
    private final int niceness;
    private ExecutorService executor;
    /** Reads the file of the job in hand ahead of the batches applied ({@link ReadAhead}). */
    private ExecutorService readers;
    private volatile boolean running;

    ImportRunner(ImportJobs jobs, List<ImportProcess<?>> processes, CommandGateway gateway,
            PlatformTransactionManager transactionManager, JdbcClient jdbc, Clock clock,
            @Value("${motsach.imports.batch-size:100}") int batchSize,
            @Value("${motsach.imports.niceness:" + NICENESS + "}") int niceness) {
        this.jobs = jobs;
        processes.forEach(process -> this.processes.put(process.kind(), process));
        this.gateway = gateway;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.clock = clock;
        this.batchSize = batchSize;
        this.niceness = niceness;
    }

    boolean supports(ImportKind kind) {
        return processes.containsKey(kind);
    }

    /** The process of {@code kind}'s imports, when there is one. */
    Optional<ImportProcess<?>> process(ImportKind kind) {
        return Optional.ofNullable(processes.get(kind));
    }

    /** Queues the job; it runs once the jobs queued before it are done. */
    void submit(UUID importId) {
        executor.execute(() -> run(importId));
    }

    /** Jobs left queued or running by a process that stopped go on from where their progress stands. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinished() {
        jobs.unfinished().forEach(this::submit);
    }

    private void run(UUID importId) {
        try {
            ImportJob job = jobs.find(importId).orElseThrow();
            if (job.status().finished()) {
                return;
            }
            if (job.cancelRequested()) {
                jobs.finish(importId, ImportStatus.CANCELLED, clock.instant());
                return;
            }
            runCounted(job, processes.get(job.kind()));
        } catch (Stopping stopping) {
            log.info("Import {} stops with the process; it resumes at the next start", importId);
        } catch (RuntimeException | Error e) {
            // an Error too (a file that exhausts the heap, a library's class missing): left RUNNING,
            // the job would show progress that never moves and run again at every start
            if (!running) {
                log.info("Import {} stops with the process; it resumes at the next start", importId);
                return;
            }
            log.error("Import {} failed", importId, e);
            fail(importId, new UnreadableFile("IMPORT_FAILED", 0));
        }
    }

    private <T> void runCounted(ImportJob job, ImportProcess<T> process) {
        if (!job.format().carries(job.kind())) {
            fail(job.importId(), new UnreadableFile("FORMAT_NOT_FOR_KIND", 0, job.format(), job.kind()));
            return;
        }
        int total;
        try {
            total = withFile(job, in -> process.count(job.format(), in, this::stopWhenStopping));
        } catch (UnreadableFile unreadable) {
            fail(job.importId(), unreadable);
            return;
        }
        if (job.dryRun() && job.processed() > 0) {
            // a dry run remembers in memory what its records would have made: it starts again
            jdbc.sql("delete from cmd_import_issue where import_id = ?").param(job.importId()).update();
            jdbc.sql("update cmd_import_job set processed = 0, created = 0, updated = 0, unchanged = 0, rejected = 0 where import_id = ?")
                    .param(job.importId()).update();
        }
        jobs.start(job.importId(), total, clock.instant());
        ImportJob started = jobs.find(job.importId()).orElseThrow();
        Batches<T> batches = new Batches<>(started, process);
        try {
            ReadAhead.<T>forEach(readers, 2 * batchSize, each -> read(started, process, each), batches::add);
            batches.flush();
            jobs.finish(job.importId(), ImportStatus.SUCCEEDED, clock.instant());
        } catch (Cancelled cancelled) {
            jobs.finish(job.importId(), ImportStatus.CANCELLED, clock.instant());
        } catch (UnreadableFile unreadable) {
            fail(job.importId(), unreadable);
        }
    }

    /** A failure while the process stops is the stop's doing, not the record's: nothing is counted. */
    private void stopWhenStopping() {
        if (!running) {
            throw new Stopping();
        }
    }

    private <T> void read(ImportJob job, ImportProcess<T> process, java.util.function.Consumer<SourceRecord<T>> each) {
        withFile(job, in -> {
            process.read(job.format(), in, each);
            return null;
        });
    }

    /** What {@code reading} makes of the job's file, read from the start. */
    private <R> R withFile(ImportJob job, java.util.function.Function<InputStream, R> reading) {
        try (InputStream in = jobs.file(job.importId())) {
            return reading.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fail(UUID importId, UnreadableFile why) {
        transactions.executeWithoutResult(status -> {
            jobs.addIssues(importId, List.of(new ImportIssue(ImportIssue.Severity.ERROR, why.record(), null, null, null,
                    why.code(), why.arguments(), null)));
            jobs.finish(importId, ImportStatus.FAILED, clock.instant());
        });
    }

    /** The records of the second reading, applied a batch at a time after those the job already counts. */
    private final class Batches<T> {

        private final ImportJob job;
        private final ImportProcess<T> process;
        private final ImportProcess.Applier<T> dryRun;
        private final List<SourceRecord<T>> pending = new ArrayList<>();
        private final RepeatedInFile claims = new RepeatedInFile();
        /** The pending records rejected for naming what an earlier record of the file named, by record number. */
        private final Map<Integer, ImportIssue> repeated = new HashMap<>();
        private int processed;

        Batches(ImportJob job, ImportProcess<T> process) {
            this.job = job;
            this.process = process;
            this.dryRun = job.dryRun() ? process.applier(job) : null;
            this.processed = job.processed();
        }

        void add(SourceRecord<T> record) {
            // the records a resumed job applied before still claim what they name
            Optional<ImportIssue> repeat = claims.check(record, process.claims(record.content()));
            if (record.number() <= job.processed()) {
                return;
            }
            repeat.ifPresent(issue -> repeated.put(record.number(), issue));
            pending.add(record);
            if (pending.size() == batchSize) {
                flush();
            }
        }

        void flush() {
            stopWhenStopping();
            if (pending.isEmpty()) {
                return;
            }
            try {
                TransactionRetries.retryingWithoutResult(() -> transactions.executeWithoutResult(status -> apply(pending)));
                processed += pending.size();
            } catch (Cancelled | Stopping e) {
                throw e;
            } catch (RuntimeException e) {
                stopWhenStopping();
                log.debug("A batch of import {} failed; its records are applied one by one", job.importId(), e);
                pending.forEach(this::applyAlone);
            }
            pending.forEach(record -> repeated.remove(record.number()));
            pending.clear();
        }

        private void applyAlone(SourceRecord<T> record) {
            try {
                TransactionRetries.retryingWithoutResult(() -> transactions.executeWithoutResult(status -> apply(List.of(record))));
            } catch (Cancelled | Stopping e) {
                throw e;
            } catch (RuntimeException e) {
                stopWhenStopping();
                String code = e instanceof Refused refused ? refused.code().name() : "RECORD_FAILED";
                if (!(e instanceof Refused)) {
                    log.warn("Record {} of import {} failed", record.number(), job.importId(), e);
                }
                transactions.executeWithoutResult(status -> {
                    checkedLock(processed);
                    jobs.advance(job.importId(), 1, new int[] {0, 0, 0, 1}, jobs.lock(job.importId()).nextGenerated(), null);
                    jobs.addIssues(job.importId(), List.of(ImportIssue.error(record, null, code)));
                });
            }
            processed++;
        }

        private void apply(List<SourceRecord<T>> records) {
            ImportJob locked = checkedLock(processed);
            ImportProcess.Applier<T> applier = dryRun != null ? dryRun : process.applier(locked);
            ImportCommands commands = new ImportCommands(gateway, locked);
            List<SourceRecord<T>> applied = records.stream().filter(record -> !repeated.containsKey(record.number())).toList();
            Iterator<RecordOutcome> outcomes = (applied.isEmpty() ? List.<RecordOutcome>of() : applier.apply(applied, commands))
                    .iterator();
            int[] counts = new int[4];
            List<ImportIssue> issues = new ArrayList<>();
            for (SourceRecord<T> record : records) {
                ImportIssue repeat = repeated.get(record.number());
                RecordOutcome outcome = repeat != null ? new RecordOutcome(RecordOutcome.Result.REJECTED, List.of(repeat))
                        : outcomes.next();
                counts[outcome.result().ordinal()]++;
                issues.addAll(outcome.issues());
            }
            Long position = commands.streams().isEmpty() ? null
                    : jdbc.sql("select max(globalindex) from domainevententry where aggregateidentifier = any(?)")
                            .param(commands.streams().toArray(String[]::new)).query(Long.class).single();
            jobs.advance(job.importId(), records.size(), counts, applier.nextGenerated(), position);
            jobs.addIssues(job.importId(), issues);
        }

        /** The job's row, locked; stops when it was cancelled or another process has applied these records meanwhile. */
        private ImportJob checkedLock(int expectedProcessed) {
            ImportJob locked = jobs.lock(job.importId());
            if (locked.cancelRequested()) {
                throw new Cancelled();
            }
            if (locked.processed() != expectedProcessed || locked.status() != ImportStatus.RUNNING) {
                throw new Stopping();
            }
            return locked;
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadExecutor(BackgroundThreads.single("imports", niceness));
        readers = Executors.newSingleThreadExecutor(BackgroundThreads.single("imports-reader", niceness));
        running = true;
    }

    /** Stops after the batch in hand, which commits or rolls back whole; the job resumes at the next start. */
    @Override
    public void stop() {
        running = false;
        // no interrupt: the batch in hand finishes (or fails) whole, and the next one does not start
        executor.shutdown();
        readers.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
            readers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The job was cancelled: the batches applied stay, the rest is not read. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** The process stops (or another one runs the job): the job stays as it is, to resume. */
    private static final class Stopping extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
