package vn.motsach.command.circulation;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.testing.LibraryFixture.refused;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
import vn.motsach.testing.TestTokens;

/**
 * Desks on a poor network: the same keyed request sent again while the first is still running,
 * or after its answer was lost, gets the first answer and has one effect. Keys belong to the
 * account that sent them, and a key that cannot be one is refused before anything is decided.
 */
@SpringBootTest(classes = {CommandSideApplication.class, TestClockConfiguration.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.circulation.sweep-interval=1h")
class IdempotentRetriesIT {

    private static final int DESKS = 8;
    private static final int ROUNDS = 4;
    private static final String KEY = "Idempotency-Key";

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    /** Answers the desks gave up on: the probe must lose some, or it proves nothing about lost answers. */
    final AtomicInteger lost = new AtomicInteger();

    @BeforeEach
    void setUp() {
        clock.setTo(TestClockConfiguration.FIRST_MONDAY, LocalTime.of(9, 0));
        api = new ApiClient(port);
    }

    @Test
    void retriesWhileRunningAndAfterLostAnswersAllGetTheFirstAnswer() throws Exception {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-storm");
        library.copy("RS-1", library.title("Tắt đèn"));
        String copy = "{\"barcode\":\"RS-1\",\"patronId\":\"hs-an\"}";
        Set<String> loans = new HashSet<>();

        for (int round = 0; round < ROUNDS; round++) {
            List<ApiClient.Answer> checkouts = retriedAtOnce(library.base() + "/checkouts", copy, "desk-checkout-" + round);
            List<ApiClient.Answer> checkins = retriedAtOnce(library.base() + "/checkins", "{\"barcode\":\"RS-1\"}",
                    "desk-checkin-" + round);

            assertThat(checkouts).as("every checkout answer of round %d", round)
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201));
            assertThat(checkouts.stream().map(answer -> answer.text("loanId")).distinct()).hasSize(1);
            assertThat(checkins).as("every check-in answer of round %d", round)
                    .allSatisfy(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(200));
            assertThat(checkins.stream().map(answer -> answer.text("loanId")).distinct())
                    .containsExactly(checkouts.get(0).text("loanId"));
            loans.add(checkouts.get(0).text("loanId"));
        }

        assertThat(lost).as("answers lost on the way").hasPositiveValue();
        assertThat(loans).hasSize(ROUNDS);
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(ROUNDS);
        assertThat(count("CopyReturned", library.school())).isEqualTo(ROUNDS);
    }

    @Test
    void aRefusalIsTheFirstAnswerToo() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-refused");
        library.copy("RR-1", library.title("Chí Phèo"));
        library.expect(201, library.checkOut("RR-1", "hs-binh"));
        String body = "{\"barcode\":\"RR-1\",\"patronId\":\"hs-an\"}";

        refused(api.post(library.base() + "/checkouts", body, KEY, "desk-2-0001"), 409, "COPY_ALREADY_ON_LOAN");
        library.expect(200, library.checkIn("RR-1"));
        ApiClient.Answer again = api.post(library.base() + "/checkouts", body, KEY, "desk-2-0001", "Accept-Language", "en");

        refused(again, 409, "COPY_ALREADY_ON_LOAN");
        assertThat(again.text("detail")).as("replayed in the reader's language").isEqualTo("Copy RR-1 is on loan and has not been returned.");
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
        library.expect(201, api.post(library.base() + "/checkouts", body, KEY, "desk-2-0002"));
    }

    /** A hold loads its title from the event store (titles are not kept in memory) before it is refused. */
    @Test
    void aRefusalAfterReadingTheEventStoreIsTheFirstAnswerToo() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-hold");
        String title = library.title("Nhà mẹ Lê");
        library.copy("NL-1", title);
        String hold = "{\"titleId\":\"" + title + "\",\"patronId\":\"hs-an\"}";

        refused(api.post(library.base() + "/holds", hold, KEY, "desk-5-0001"), 409, "HOLD_NOT_NEEDED");
        library.expect(201, library.checkOut("NL-1", "hs-binh"));
        refused(api.post(library.base() + "/holds", hold, KEY, "desk-5-0001"), 409, "HOLD_NOT_NEEDED");

        assertThat(count("HoldPlaced", library.school())).isZero();
        library.expect(201, api.post(library.base() + "/holds", hold, KEY, "desk-5-0002"));
    }

    @Test
    void aFailureKeepsNothingUnderTheKey() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-failure");
        library.copy("PF-1", library.title("Hai đứa trẻ"));
        String body = "{\"barcode\":\"PF-1\",\"patronId\":\"hs-an\"}";
        jdbc.sql("""
                create function test_fail_checkout() returns trigger language plpgsql as $$
                begin
                    if new.payloadtype like '%.CopyCheckedOut' and new.payload like '%"barcode":"PF-1"%' then
                        raise exception 'disk full, as the test pretends';
                    end if;
                    return new;
                end $$""").update();
        try {
            jdbc.sql("""
                    create trigger test_fail_checkout before insert on domainevententry
                    for each row execute function test_fail_checkout()""").update();
            refused(api.post(library.base() + "/checkouts", body, KEY, "desk-4-0001"), 500, "INTERNAL_ERROR");
        } finally {
            jdbc.sql("drop function test_fail_checkout cascade").update();
        }

        ApiClient.Answer retry = library.expect(201, api.post(library.base() + "/checkouts", body, KEY, "desk-4-0001"));
        ApiClient.Answer again = library.expect(201, api.post(library.base() + "/checkouts", body, KEY, "desk-4-0001"));

        assertThat(again.text("loanId")).isEqualTo(retry.text("loanId"));
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(1);
    }

    @Test
    void anotherAccountsKeyIsAnotherKey() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-accounts");
        String title = library.title("Số đỏ");
        library.copy("SD-1", title);
        library.copy("SD-2", title);
        ApiClient lan = api.as(TestTokens.ofSchool("thu-thu-lan", "LIBRARIAN", library.school()));
        ApiClient mai = api.as(TestTokens.ofSchool("thu-thu-mai", "LIBRARIAN", library.school()));
        ApiClient hoa = api.as(TestTokens.ofSchool("thu-thu-hoa", "LIBRARIAN", library.school()));
        String lansBody = "{\"barcode\":\"SD-1\",\"patronId\":\"hs-an\"}";

        ApiClient.Answer lans = library.expect(201, lan.post(library.base() + "/checkouts", lansBody, KEY, "quay-1"));
        ApiClient.Answer maisSameRequest = mai.post(library.base() + "/checkouts", lansBody, KEY, "quay-1");
        ApiClient.Answer hoasOtherRequest = hoa.post(library.base() + "/checkouts",
                "{\"barcode\":\"SD-2\",\"patronId\":\"hs-binh\"}", KEY, "quay-1");
        ApiClient.Answer lansRetry = lan.post(library.base() + "/checkouts", lansBody, KEY, "quay-1");

        refused(maisSameRequest, 409, "COPY_ALREADY_ON_LOAN");
        library.expect(201, hoasOtherRequest);
        assertThat(hoasOtherRequest.text("loanId")).isNotEqualTo(lans.text("loanId"));
        library.expect(201, lansRetry);
        assertThat(lansRetry.text("loanId")).isEqualTo(lans.text("loanId"));
        assertThat(count("CopyCheckedOut", library.school())).isEqualTo(2);
    }

    @Test
    void aKeyThatCannotBeOneIsRefusedOnEveryPost() {
        LibraryFixture library = LibraryFixture.primarySchool(api, "th-retry-keys");
        String title = library.title("Vang bóng một thời");
        library.copy("VB-1", title);
        String checkout = "{\"barcode\":\"VB-1\",\"patronId\":\"hs-an\"}";
        String newTitle = "{\"title\":\"Gió đầu mùa\",\"authors\":[\"Thạch Lam\"],\"docType\":\"GENERAL\"}";

        for (String key : List.of("k".repeat(300), "k".repeat(201), "", "   ", "desk\t1")) {
            keyRefused(api.post(library.base() + "/checkouts", checkout, KEY, key));
            keyRefused(api.post(library.base() + "/titles", newTitle, KEY, key));
        }
        keyRefused(api.post(library.base() + "/checkouts", checkout, KEY, "desk-3-0001", KEY, "desk-3-0002"));
        assertThat(count("CopyCheckedOut", library.school())).isZero();
        assertThat(count("TitleCatalogued", library.school())).isEqualTo(1);

        String longest = "k".repeat(200);
        ApiClient.Answer first = library.expect(201, api.post(library.base() + "/checkouts", checkout, KEY, longest));
        ApiClient.Answer again = library.expect(201, api.post(library.base() + "/checkouts", checkout, KEY, longest));
        assertThat(again.text("loanId")).isEqualTo(first.text("loanId"));
    }

    private static void keyRefused(ApiClient.Answer answer) {
        refused(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.json().path("errors").findValuesAsString("field")).containsExactly(KEY);
    }

    /**
     * {@link #DESKS} desks send the same keyed request at once; each gives up after a few
     * milliseconds, once or twice, before waiting for an answer. Every answer any desk received.
     */
    private List<ApiClient.Answer> retriedAtOnce(String path, String body, String key) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(DESKS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<ApiClient.Answer>>> desks = new ArrayList<>();
            for (int desk = 0; desk < DESKS; desk++) {
                int impatience = desk % 3;
                Callable<List<ApiClient.Answer>> call = () -> {
                    start.await();
                    List<ApiClient.Answer> answers = new ArrayList<>();
                    for (int attempt = 0; attempt < impatience; attempt++) {
                        try {
                            answers.add(api.givingUpAfter(Duration.ofMillis(2 + attempt)).post(path, body, KEY, key));
                        } catch (UncheckedIOException givenUp) {
                            lost.incrementAndGet(); // the request may have been carried out all the same
                        }
                    }
                    answers.add(api.post(path, body, KEY, key));
                    return answers;
                };
                desks.add(pool.submit(call));
            }
            start.countDown();
            List<ApiClient.Answer> answers = new ArrayList<>();
            for (Future<List<ApiClient.Answer>> desk : desks) {
                answers.addAll(desk.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String eventType, String school) {
        return jdbc.sql("select count(*) from domainevententry where payloadtype like ? and payload like ?")
                .params("%." + eventType, "%\"schoolId\":\"" + school + "\"%").query(Long.class).single();
    }
}
