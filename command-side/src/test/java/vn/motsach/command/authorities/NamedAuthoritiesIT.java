package vn.motsach.command.authorities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.command.CommandSideApplication;
import vn.motsach.events.AuthorityId;
import vn.motsach.events.SchoolId;

/**
 * The tree asks whether schools name an authority while a school is naming it: the answer waits
 * for the school's transaction, so an authority's administrator cannot claim a name a school
 * took at the same moment.
 */
@SpringBootTest(classes = CommandSideApplication.class, properties = "motsach.circulation.sweep-interval=1h")
class NamedAuthoritiesIT {

    @Autowired
    NamedAuthorityTable named;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theTreeSeesASchoolNamingTheAuthorityAtTheSameMoment() throws Exception {
        AuthorityId authority = AuthorityId.of("pgd-cung-luc");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch namedUncommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            Future<?> school = threads.submit(() -> transaction.executeWithoutResult(status -> {
                named.remember(SchoolId.of("th-cung-luc"), Stream.of(authority));
                namedUncommitted.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(namedUncommitted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> tree = threads.submit(() -> transaction.execute(status -> named.namedBySchools(authority)));
            Thread.sleep(500);
            assertThat(tree).as("the tree's question waits for the school's transaction").isNotDone();
            commit.countDown();
            school.get(30, TimeUnit.SECONDS);
            assertThat(tree.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }
}
