package vn.motsach.local.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motsach.analytics.AnalyticsApplication;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.local.SideProcess;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;
import vn.motsach.testing.TestInfrastructure;

/**
 * The production shape on one machine: a real PostgreSQL and Kafka started once by the test, and
 * two JVMs of each side started as the production sides (their own main classes, separate
 * processes, small heaps), requests spread over them. Every command and query answers on either
 * instance, a write on one is read on the other ({@code X-Min-Event-Position}), and when one
 * instance of each side is killed ({@code kill -9}) under load, every acknowledged checkout is
 * still there, read through the survivors, whose processors and Streams took over the dead
 * one's segments and partitions; a request whose answer was lost, retried on the survivor with
 * its idempotency key, has one effect.
 */
class MultiInstanceIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int SCHOOLS = 4;
    private static final int COPIES = 12;

    /** A small heap, compiling little: six JVMs share the machine with the test. */
    private static final List<String> SMALL_JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

    private final List<SideProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(SideProcess::close);
    }

    @Test
    void twoInstancesOfEachSideShareTheWorkAndSurviveTheLossOfOne() throws Exception {
        Map<String, Object> infrastructure = TestInfrastructure.properties(System.getProperty(TestInfrastructure.KIND_PROPERTY, "auto"));
        String streamsApplication = "multi-" + UUID.randomUUID();
        Path data = TestDirectories.create("multi-");
        String[] names = {"command-1", "command-2", "query-1", "query-2", "analytics-1", "analytics-2"};
        Class<?>[] mains = {CommandSideApplication.class, CommandSideApplication.class, QuerySideApplication.class,
                QuerySideApplication.class, AnalyticsApplication.class, AnalyticsApplication.class};
        for (int i = 0; i < names.length; i++) {
            processes.add(start(names[i], mains[i], infrastructure, data, streamsApplication));
        }
        ApiClient[] command = {api(0), api(1)};
        ApiClient[] query = {api(2), api(3)};
        ApiClient[] analytics = {api(4), api(5)};
        for (SideProcess process : processes) {
            process.awaitReady(Duration.ofMinutes(6));
        }

        // set up through either command instance; each read on the other query instance sees it
        List<LibraryFixture> schools = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            LibraryFixture school = LibraryFixture.primarySchool(command[s % 2], "th-nhieu-" + s);
            String title = school.title("Truyện Kiều " + s);
            for (int c = 0; c < COPIES; c++) {
                new LibraryFixture(command[c % 2], school.school()).copy("NH" + s + "-" + c, title);
            }
            long position = new LibraryFixture(command[(s + 1) % 2], school.school()).expect(201, command[(s + 1) % 2]
                    .put(school.base() + "/patrons/hs-chi", "{\"fullName\":\"Lê Thị Chi\",\"category\":\"STUDENT\",\"classId\":\"5a4\"}"))
                    .eventPosition();
            for (ApiClient reader : query) {
                assertThat(readAfter(reader, school.base() + "/patrons/hs-chi", position).text("fullName")).isEqualTo("Lê Thị Chi");
            }
            schools.add(school);
        }

        // load: desks lend and return on both command instances, each request under an idempotency key
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService desks = Executors.newFixedThreadPool(2);
        List<Future<Integer>> work = new ArrayList<>();
        for (int desk = 0; desk < 2; desk++) {
            int first = desk;
            work.add(desks.submit(() -> lendAndReturn(schools.subList(first * SCHOOLS / 2, (first + 1) * SCHOOLS / 2), command,
                    acknowledged, stop)));
        }
        // every copy lent again on the instance that lent it before, after the other took it back
        // (a copy's checkouts go to one instance, its returns to the other): no instance decides on
        // a copy as it last saw it
        await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= SCHOOLS * (COPIES + 2));
        processes.get(0).kill();
        processes.get(2).kill();
        processes.get(4).kill();
        int before = acknowledged.size();
        await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged.size() >= before + 20);
        stop.set(true);
        int retried = 0;
        for (Future<Integer> desk : work) {
            retried += desk.get();
        }
        System.out.printf("MultiInstanceIT: %d checkouts acknowledged (%d before the kill), %d requests sent again to the other instance%n",
                acknowledged.size(), before, retried);
        desks.shutdown();

        // every acknowledged checkout is there, read through the surviving query instance
        long newest = acknowledged.values().stream().mapToLong(Long::parseLong).max().orElseThrow();
        ApiClient survivor = query[1];
        readAfter(survivor, schools.get(0).base() + "/patrons/hs-an", newest);
        for (String loan : acknowledged.keySet()) {
            String[] school = loan.split(" ");
            ApiClient.Answer found = survivor.get("/api/v1/schools/" + school[0] + "/loans/" + school[1]);
            assertThat(found.status()).as(loan + ": " + found.body()).isEqualTo(200);
        }
        // and counted by the surviving analytics instance, which now holds every partition
        String week = "?period=WEEK&on=" + LocalDate.now(VIETNAM);
        Map<String, Long> loansPerSchool = acknowledged.keySet().stream()
                .collect(Collectors.groupingBy(loan -> loan.split(" ")[0], Collectors.counting()));
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            for (LibraryFixture school : schools) {
                ApiClient.Answer metrics = analytics[1].get(school.base() + "/reading-metrics" + week);
                assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
                assertThat(metrics.json().path("loans").asLong()).as(school.school())
                        .isEqualTo(loansPerSchool.getOrDefault(school.school(), 0L));
            }
        });
    }

    /**
     * Lends each school's copies to its patrons in turn and returns them, alternating the command
     * instance; a request that gets no answer (its instance died) is sent again, with the same
     * idempotency key, to the other. Records each acknowledged checkout as school, loan → position.
     */
    private static int lendAndReturn(List<LibraryFixture> schools, ApiClient[] command, Map<String, String> acknowledged,
            AtomicBoolean stop) {
        int retried = 0;
        int turn = 0;
        String[] patrons = {"hs-an", "hs-binh", "hs-chi"};
        while (!stop.get()) {
            for (LibraryFixture school : schools) {
                String barcode = "NH" + school.school().substring(school.school().lastIndexOf('-') + 1) + "-" + (turn % COPIES);
                String patron = patrons[turn % patrons.length];
                Sent checkout = send(command, turn, school.base() + "/checkouts",
                        "{\"barcode\":\"" + barcode + "\",\"patronId\":\"" + patron + "\"}");
                retried += checkout.retries();
                assertThat(checkout.answer().status()).as(checkout.answer().body()).isEqualTo(201);
                acknowledged.put(school.school() + " " + checkout.answer().text("loanId"), Long.toString(checkout.answer().eventPosition()));
                Sent checkin = send(command, turn + 1, school.base() + "/checkins", "{\"barcode\":\"" + barcode + "\"}");
                retried += checkin.retries();
                assertThat(checkin.answer().status()).as(checkin.answer().body()).isEqualTo(200);
            }
            turn++;
        }
        return retried;
    }

    /** Sends to one instance, and to the other under the same key when no answer came back. */
    private static Sent send(ApiClient[] command, int turn, String path, String body) {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            ApiClient instance = command[(turn + attempt) % 2].givingUpAfter(Duration.ofSeconds(20));
            try {
                ApiClient.Answer answer = instance.post(path, body, "Idempotency-Key", key);
                if (answer.status() != 503 || attempt > 20) {
                    return new Sent(answer, attempt);
                }
                // not let in (too many at once), or its instance stopping: again in a moment
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (UncheckedIOException lost) {
                if (attempt > 20) {
                    throw lost;
                }
            }
        }
    }

    /**
     * A read that waits for a write, as a client makes it: {@code X-Min-Event-Position}, and again
     * after each 503 (the query side waits 2 s for its projections, then asks to be asked again).
     */
    private static ApiClient.Answer readAfter(ApiClient reader, String path, long position) {
        ApiClient.Answer[] answer = new ApiClient.Answer[1];
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            answer[0] = reader.get(path, "X-Min-Event-Position", Long.toString(position));
            assertThat(answer[0].status()).as(answer[0].body()).isIn(200, 503);
            return answer[0].status() == 200;
        });
        return answer[0];
    }

    private record Sent(ApiClient.Answer answer, int retries) {
    }

    private ApiClient api(int instance) {
        return processes.get(instance).api();
    }

    /** One side as production runs it, small: two instances of each side's processors share two segments. */
    private static SideProcess start(String name, Class<?> main, Map<String, Object> infrastructure, Path data,
            String streamsApplication) throws IOException {
        return SideProcess.start(name, main, infrastructure, data, SMALL_JVM,
                "--spring.datasource.hikari.maximum-pool-size=6",
                "--spring.datasource.hikari.minimum-idle=1",
                "--motsach.event-processors.initial-segment-count=2",
                "--motsach.event-processors.token-claim-interval=500ms",
                "--motsach.command.concurrency=4",
                // as the deployment files run several command instances: no copies kept in memory
                "--motsach.command.cached-copies=0",
                "--motsach.analytics.streams.application-id=" + streamsApplication,
                "--motsach.analytics.streams.threads=1",
                "--motsach.analytics.streams.session-timeout-ms=6000");
    }
}
