package vn.motsach.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.BenchmarkReport;
import vn.motsach.testing.TestDirectories;

/**
 * The offline desk's upload against the same work done online, in the same run against the local
 * all-in-one: 10 desks of one school each lend and take back 50 copies (1,000 records), once as
 * commands sent while online (each desk on its own kept-alive connection, one after the other)
 * and once as records made offline, uploaded by the 10 desks at once, one desk-sync batch each,
 * their moments interleaved across desks. Each round uses copies and patrons of its own kind, so
 * neither finds the other's loans; a first round of each warms the JVM up and is not counted.
 * Run: ./mvnw -B verify -Pbenchmark -pl infra/local -am -Dit.test=OfflineDeskBenchmark
 */
class OfflineDeskBenchmark {

    private static final int DESKS = 10;
    /** Copies a desk lends and takes back: two records each. */
    private static final int COPIES = 50;
    private static final int PATRONS = 10;
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final String SCHOOL = "/api/v1/schools/bench-offline";

    @Test
    void aThousandOfflineRecordsFromTenDesksAgainstTheSameCommandsOnline() throws Exception {
        Path data = TestDirectories.create("bench-");
        try (ConfigurableApplicationContext app = LocalInstance.start(data, "--logging.level.root=WARN")) {
            int port = LocalInstance.port(app);
            ApiClient api = new ApiClient(port).givingUpAfter(Duration.ofMinutes(2));
            setUp(api);
            List<Double> online = new ArrayList<>();
            List<Double> offline = new ArrayList<>();
            AtomicInteger failures = new AtomicInteger();
            // the moments of the offline records: hours ago (within the records' age limit), a round after another
            Instant firstMoment = Instant.now().minus(Duration.ofHours(ROUNDS + 1));
            for (int round = 0; round < ROUNDS; round++) {
                online.add(online(port, failures));
                offline.add(offline(api, firstMoment.plus(Duration.ofHours(round)), round, failures));
            }
            double onlineRate = 2.0 * DESKS * COPIES / mean(online.subList(1, ROUNDS));
            double offlineRate = 2.0 * DESKS * COPIES / mean(offline.subList(1, ROUNDS));
            BenchmarkReport.write("offline-desk", String.format(Locale.ROOT, """
                    ## The offline desk's upload against the same commands online, %d desks, %d records

                    | What | seconds per round (warm-up first) | records/s (mean of the rounds after the warm-up) |
                    |---|---|---|
                    | Online: POST /checkouts and /checkins, each desk on its own connection, 10 desks at once | %s | %.0f |
                    | Offline: POST /desk-sync, one batch of %d records per desk, 10 desks at once | %s | %.0f |

                    Offline / online = %.2f (target ≥ 0.5). Records not APPLIED, or commands refused: %d.
                    """, DESKS, 2 * DESKS * COPIES, seconds(online), onlineRate, 2 * COPIES, seconds(offline), offlineRate,
                    offlineRate / onlineRate, failures.get()));
            assertThat(failures.get()).isZero();
        }
    }

    /** A class, a title, and for each desk and each way of working, its patrons and copies. */
    private static void setUp(ApiClient api) {
        expect(api.put(SCHOOL, "{\"name\":\"Trường ngoại tuyến\",\"educationLevels\":[\"PRIMARY\"],\"authorityId\":\"xa-bench\"}"));
        expect(api.put(SCHOOL + "/classes/5a1", "{\"name\":\"5A1\",\"grade\":5,\"schoolYear\":\"2026-2027\"}"));
        String titleId = expect(api.post(SCHOOL + "/titles", "{\"title\":\"Dế Mèn phiêu lưu ký\",\"docType\":\"CHILDREN\"}"))
                .text("titleId");
        for (String way : List.of("on", "off")) {
            for (int desk = 0; desk < DESKS; desk++) {
                for (int p = 0; p < PATRONS; p++) {
                    expect(api.put(SCHOOL + "/patrons/" + patron(way, desk, p),
                            "{\"fullName\":\"Học sinh " + p + "\",\"category\":\"STUDENT\",\"classId\":\"5a1\"}"));
                }
                for (int c = 0; c < COPIES; c++) {
                    expect(api.post(SCHOOL + "/copies", "{\"barcode\":\"" + copy(way, desk, c) + "\",\"titleId\":\"" + titleId + "\"}"));
                }
            }
        }
    }

    /** The 1,000 commands online: each desk lends a copy and takes it back, copy after copy. Seconds taken. */
    private static double online(int port, AtomicInteger failures) throws Exception {
        return inParallel(desk -> {
            DeskConnection connection = new DeskConnection(port);
            try {
                for (int c = 0; c < COPIES; c++) {
                    String barcode = copy("on", desk, c);
                    if (connection.post(SCHOOL + "/checkouts", "{\"barcode\":\"" + barcode + "\",\"patronId\":\""
                            + patron("on", desk, c % PATRONS) + "\"}") != 201) {
                        failures.incrementAndGet();
                    }
                    if (connection.post(SCHOOL + "/checkins", "{\"barcode\":\"" + barcode + "\"}") != 200) {
                        failures.incrementAndGet();
                    }
                }
            } finally {
                connection.close();
            }
        });
    }

    /**
     * The same acts recorded offline: a desk's records one second apart, the desks' interleaved
     * (desk d's k-th record at k × 10 + d seconds), each desk uploading its own in one batch. Seconds taken.
     */
    private static double offline(ApiClient api, Instant from, int round, AtomicInteger failures) throws Exception {
        Map<Integer, String> batches = new TreeMap<>();
        for (int desk = 0; desk < DESKS; desk++) {
            StringBuilder records = new StringBuilder();
            for (int c = 0; c < COPIES; c++) {
                String barcode = copy("off", desk, c);
                Instant lent = from.plusSeconds((2L * c) * DESKS + desk);
                Instant back = from.plusSeconds((2L * c + 1) * DESKS + desk);
                records.append(records.isEmpty() ? "" : ",").append(String.format(Locale.ROOT,
                        "{\"key\":\"r%d-d%d-%d-lend\",\"kind\":\"CHECKOUT\",\"barcode\":\"%s\",\"patronId\":\"%s\",\"recordedAt\":\"%s\"},"
                                + "{\"key\":\"r%d-d%d-%d-back\",\"kind\":\"CHECKIN\",\"barcode\":\"%s\",\"recordedAt\":\"%s\"}",
                        round, desk, c, barcode, patron("off", desk, c % PATRONS), lent, round, desk, c, barcode, back));
            }
            batches.put(desk, "{\"deskId\":\"quay-" + desk + "\",\"records\":[" + records + "]}");
        }
        return inParallel(desk -> {
            ApiClient.Answer answer = api.post(SCHOOL + "/desk-sync", batches.get(desk));
            if (answer.status() != 200) {
                failures.addAndGet(2 * COPIES);
                return;
            }
            for (JsonNode result : answer.json().path("results")) {
                if (!result.path("status").asText().equals("APPLIED")) {
                    failures.incrementAndGet();
                }
            }
        });
    }

    private interface DeskWork {
        void run(int desk) throws Exception;
    }

    /** The desks' work, all at once; the seconds until the last desk is done. */
    private static double inParallel(DeskWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        try {
            long started = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int desk = 0; desk < DESKS; desk++) {
                int d = desk;
                running.add(pool.submit(() -> {
                    work.run(d);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            return (System.nanoTime() - started) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String patron(String way, int desk, int p) {
        return "hs-" + way + "-" + desk + "-" + p;
    }

    private static String copy(String way, int desk, int c) {
        return "B-" + way + "-" + desk + "-" + c;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static String seconds(List<Double> values) {
        return String.join(", ", values.stream().map(value -> String.format(Locale.ROOT, "%.2f", value)).toList());
    }

    private static ApiClient.Answer expect(ApiClient.Answer answer) {
        if (answer.status() >= 300) {
            throw new AssertionError(answer.status() + " " + answer.body());
        }
        return answer;
    }
}
