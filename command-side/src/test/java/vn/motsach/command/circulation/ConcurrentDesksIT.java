package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.MutableClock;

/**
 * Many desks at the same moment, through HTTP on the real stack: of the requests racing for one
 * copy, or for one patron's last loan, exactly the allowed number win and the rest are refused.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class ConcurrentDesksIT {

    private static final int DESKS = 24;

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(9, 0));
        api = new ApiClient(port);
    }

    @Test
    void oneCopyGoesToExactlyOnePatron() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-race-copy");
        String title = library.title("Truyện Kiều");
        library.copy("TK-RACE", title);
        for (int i = 0; i < DESKS; i++) {
            library.patron("hs-" + i, "Học sinh " + i, "STUDENT", "5a4");
        }

        List<ApiClient.Answer> answers = atOnce(DESKS, desk -> library.checkOut("TK-RACE", "hs-" + desk));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(ApiClient.Answer::status, Collectors.counting()));
        assertThat(statuses).containsEntry(201, 1L).containsEntry(409, (long) DESKS - 1).hasSize(2);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(a -> a.text("code")).distinct())
                .containsExactly("COPY_ALREADY_ON_LOAN");
        assertThat(checkouts(library.school())).isEqualTo(1);
    }

    @Test
    void aPatronAtManyDesksNeverExceedsTheLimit() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-race-patron");
        String title = library.title("Nhật ký trong tù");
        for (int i = 0; i < DESKS; i++) {
            library.copy("NK-" + i, title);
        }

        List<ApiClient.Answer> answers = atOnce(DESKS, desk -> library.checkOut("NK-" + desk, "hs-an"));

        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(2);
        assertThat(answers.stream().filter(a -> a.status() == 409).map(a -> a.text("code")).distinct())
                .containsExactly("LOAN_LIMIT_REACHED");
        assertThat(checkouts(library.school())).isEqualTo(2);
    }

    @Test
    void checkoutsAndReturnsOfDifferentCopiesAllSucceed() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-race-many");
        String title = library.title("Vợ nhặt");
        for (int i = 0; i < DESKS; i++) {
            library.copy("VN-" + i, title);
            library.patron("hs-" + i, "Học sinh " + i, "STUDENT", "5a4");
        }

        assertThat(atOnce(DESKS, desk -> library.checkOut("VN-" + desk, "hs-" + desk))).allMatch(a -> a.status() == 201);
        assertThat(atOnce(DESKS, desk -> library.checkIn("VN-" + desk))).allMatch(a -> a.status() == 200);
        assertThat(checkouts(library.school())).isEqualTo(DESKS);
    }

    private static List<ApiClient.Answer> atOnce(int desks, Function<Integer, ApiClient.Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(desks);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Answer>> futures = new ArrayList<>();
            for (int desk = 0; desk < desks; desk++) {
                int id = desk;
                Callable<ApiClient.Answer> call = () -> {
                    start.await();
                    return request.apply(id);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<ApiClient.Answer> answers = new ArrayList<>();
            for (Future<ApiClient.Answer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long checkouts(String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like '%.CopyCheckedOut' and payload like ?")
                .param("%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }
}
