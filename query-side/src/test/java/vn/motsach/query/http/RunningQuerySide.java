package vn.motsach.query.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motsach.events.SchoolId;
import vn.motsach.query.QuerySideApplication;
import vn.motsach.query.SchoolDates;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.TestTokens;

/**
 * The query side running on its own, fed through the real event store and read over HTTP, with
 * a school of its own for each test so that tests sharing the application never see each other's
 * rows.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RunningQuerySide {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    ApiClient api;
    EventFeed feed;
    SchoolId school;
    String base;
    LocalDate today;

    @BeforeEach
    void runningQuerySide() {
        api = new ApiClient(port);
        feed = new EventFeed(eventStore, transactions, jdbc);
        school = SchoolId.of("th-" + UUID.randomUUID().toString().substring(0, 8));
        base = "/api/v1/schools/" + school.value();
        today = SchoolDates.today(clock);
    }

    /** A file the school's librarian downloads, once the projections have reached {@code position}. */
    Download download(String path, long position) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + base + path))
                        .header("Authorization", "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", school.value()))
                        .header("X-Min-Event-Position", Long.toString(position)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    record Download(int status, String contentType, byte[] body) {
    }
}
