package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Accounts through HTTP: tokens revoked when their account changes, sign-ins slowed down per
 * account and per address without locking anyone out, the password policy, the accounts' audit
 * trail and the school's event audit, and the accounts' lists. The test client calls from
 * loopback, configured here as a trusted proxy, so each test names its own client address in
 * {@code X-Forwarded-For}.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "motsach.security.trusted-proxies=127.0.0.1")
class AccountsIT {

    @LocalServerPort
    int port;

    @Test
    void aTokenStopsWorkingOnceItsAccountIsDisabledOrItsRolesOrPasswordChange() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture.primarySchool(admin, "th-thu-hoi");
        String librarianAccount = "{\"password\":\"%s\",\"roles\":[\"%s\"],\"schoolId\":\"th-thu-hoi\",\"enabled\":%s}";
        assertThat(admin.put("/api/v1/accounts/thu-thu-thu-hoi", librarianAccount.formatted("sach-va-ban-doc", "SCHOOL_ADMIN", true))
                .status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        ApiClient principal = anonymous.as(signIn(anonymous, "thu-thu-thu-hoi", "sach-va-ban-doc", "10.1.0.1"));
        assertThat(principal.get("/api/v1/schools/th-thu-hoi/accounts").status()).isEqualTo(200);

        // disabled: the token it holds is refused at once, and it cannot sign in
        assertThat(admin.put("/api/v1/accounts/thu-thu-thu-hoi", "{\"roles\":[\"SCHOOL_ADMIN\"],\"schoolId\":\"th-thu-hoi\","
                + "\"enabled\":false}").status()).isEqualTo(200);
        ApiClient.Answer revoked = principal.get("/api/v1/schools/th-thu-hoi/accounts");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.text("code")).isEqualTo("UNAUTHENTICATED");
        assertThat(signInAnswer(anonymous, "thu-thu-thu-hoi", "sach-va-ban-doc", "10.1.0.1").status()).isEqualTo(401);

        // enabled again: a new sign-in works; then its roles change and that token is refused in turn
        assertThat(admin.put("/api/v1/accounts/thu-thu-thu-hoi", "{\"roles\":[\"SCHOOL_ADMIN\"],\"schoolId\":\"th-thu-hoi\"}")
                .status()).isEqualTo(200);
        ApiClient again = anonymous.as(signIn(anonymous, "thu-thu-thu-hoi", "sach-va-ban-doc", "10.1.0.1"));
        assertThat(again.get("/api/v1/schools/th-thu-hoi/accounts").status()).isEqualTo(200);
        assertThat(admin.put("/api/v1/accounts/thu-thu-thu-hoi", "{\"roles\":[\"LIBRARIAN\"],\"schoolId\":\"th-thu-hoi\"}")
                .status()).isEqualTo(200);
        assertThat(again.get("/api/v1/schools/th-thu-hoi/titles").status()).isEqualTo(401);
        ApiClient librarian = anonymous.as(signIn(anonymous, "thu-thu-thu-hoi", "sach-va-ban-doc", "10.1.0.1"));
        assertThat(librarian.get("/api/v1/schools/th-thu-hoi/titles").status()).isEqualTo(200);
        assertThat(librarian.get("/api/v1/schools/th-thu-hoi/accounts").status()).isEqualTo(403);

        // a new password: the old token goes, the new password signs in
        assertThat(admin.put("/api/v1/accounts/thu-thu-thu-hoi", "{\"password\":\"ban-doc-va-sach\",\"roles\":[\"LIBRARIAN\"],"
                + "\"schoolId\":\"th-thu-hoi\"}").status()).isEqualTo(200);
        assertThat(librarian.get("/api/v1/schools/th-thu-hoi/titles").status()).isEqualTo(401);
        assertThat(anonymous.as(signIn(anonymous, "thu-thu-thu-hoi", "ban-doc-va-sach", "10.1.0.1"))
                .get("/api/v1/schools/th-thu-hoi/titles").status()).isEqualTo(200);
    }

    @Test
    void sixteenParallelWrongPasswordsAreNotAllTried() throws Exception {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/song-song", "{\"password\":\"mat-khau-song-song\",\"roles\":[\"AUTHORITY_ADMIN\"],"
                + "\"authorityId\":\"so-gddt-song-song\"}").status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String guess = "doan-song-song-" + i;
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return signInAnswer(anonymous, "song-song", guess, "10.2.0.1").status();
                }, threads));
            }
            start.countDown();
            List<Integer> statuses = attempts.stream().map(CompletableFuture::join).toList();
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(11);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheAccountOutElsewhere() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/quan-tri-that", "{\"password\":\"mat-khau-quan-tri-that\",\"roles\":[\"SYSTEM_ADMIN\"]}")
                .status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        for (int attempt = 0; attempt < 6; attempt++) {
            signInAnswer(anonymous, "quan-tri-that", "doan-mo-" + attempt, "203.0.113.66");
        }
        ApiClient.Answer attacker = signInAnswer(anonymous, "quan-tri-that", "mat-khau-quan-tri-that", "203.0.113.66");
        assertThat(attacker.status()).isEqualTo(429);
        assertThat(attacker.header("Retry-After")).isPresent();

        assertThat(signInAnswer(anonymous, "quan-tri-that", "mat-khau-quan-tri-that", "10.3.0.1").status()).isEqualTo(200);
    }

    @Test
    void aSchoolBehindOneAddressIsNotLockedOutByFiftyFailures() {
        ApiClient admin = new ApiClient(port);
        assertThat(admin.put("/api/v1/accounts/sau-nat", "{\"password\":\"mat-khau-sau-nat\",\"roles\":[\"AUTHORITY_ADMIN\"],"
                + "\"authorityId\":\"so-gddt-nat\"}").status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        for (int attempt = 0; attempt < 60; attempt++) {
            assertThat(signInAnswer(anonymous, "hoc-sinh-" + (attempt / 4), "quen-mat-khau-" + attempt, "198.51.100.7").status())
                    .isEqualTo(401);
        }
        assertThat(signInAnswer(anonymous, "sau-nat", "mat-khau-sau-nat", "198.51.100.7").status()).isEqualTo(200);
    }

    @Test
    void weakPasswordsAreRefused() {
        ApiClient admin = new ApiClient(port);
        String account = "{\"password\":\"%s\",\"roles\":[\"AUTHORITY_ADMIN\"],\"authorityId\":\"so-gddt-yeu\"}";
        for (String weak : List.of("Mat-Khau-Yeu", "aaaaaaaaaaaaaa", "matkhau123", "1234567890", "motsach2026", "abc123abc123",
                "a".repeat(20) + "ắ".repeat(20))) {
            ApiClient.Answer refused = admin.put("/api/v1/accounts/mat-khau-yeu", account.formatted(weak));
            assertThat(refused.status()).as(weak).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
            assertThat(refused.json().path("errors").get(0).path("message").asString()).isNotBlank();
        }
        assertThat(admin.put("/api/v1/accounts/mat-khau-yeu", account.formatted("ngắn")).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/accounts/mat-khau-yeu", account.formatted("Cây bút chì 2026 và quyển vở")).status())
                .isEqualTo(201);
    }

    @Test
    void accountChangesAndSignInsAreAuditedWithoutPasswords() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture.primarySchool(admin, "th-nhat-ky");
        assertThat(admin.put("/api/v1/accounts/hieu-truong-nk", "{\"password\":\"hieu-truong-nhat-ky\",\"roles\":[\"SCHOOL_ADMIN\"],"
                + "\"schoolId\":\"th-nhat-ky\"}").status()).isEqualTo(201);
        ApiClient anonymous = admin.as(null);
        ApiClient principal = anonymous.as(signIn(anonymous, "hieu-truong-nk", "hieu-truong-nhat-ky", "10.4.0.1"));
        assertThat(principal.put("/api/v1/schools/th-nhat-ky/accounts/thu-thu-nk", "{\"password\":\"thu-thu-nhat-ky-1\","
                + "\"roles\":[\"LIBRARIAN\"]}").status()).isEqualTo(201);
        assertThat(signInAnswer(anonymous, "thu-thu-nk", "sai-mat-khau-nk", "10.4.0.2").status()).isEqualTo(401);
        signIn(anonymous, "thu-thu-nk", "thu-thu-nhat-ky-1", "10.4.0.2");
        assertThat(principal.put("/api/v1/schools/th-nhat-ky/accounts/thu-thu-nk", "{\"password\":\"thu-thu-nhat-ky-2\","
                + "\"roles\":[\"LIBRARIAN\",\"TEACHER\"]}").status()).isEqualTo(200);
        assertThat(principal.put("/api/v1/schools/th-nhat-ky/accounts/thu-thu-nk", "{\"roles\":[\"LIBRARIAN\",\"TEACHER\"],"
                + "\"enabled\":false}").status()).isEqualTo(200);

        ApiClient.Answer school = principal.get("/api/v1/schools/th-nhat-ky/account-audit?size=50");
        assertThat(school.status()).as(school.body()).isEqualTo(200);
        assertThat(school.body()).doesNotContain("thu-thu-nhat-ky", "sai-mat-khau", "hieu-truong-nhat-ky");
        List<String> entries = school.json().path("items").valueStream()
                .filter(item -> item.path("username").asString().equals("thu-thu-nk"))
                .map(item -> item.path("type").asString() + " " + item.path("actor").asString())
                .toList();
        assertThat(entries).containsExactly("ACCOUNT_DISABLED hieu-truong-nk", "PASSWORD_CHANGED hieu-truong-nk",
                "ROLES_CHANGED hieu-truong-nk", "SIGNED_IN thu-thu-nk", "SIGN_IN_REFUSED thu-thu-nk",
                "ACCOUNT_CREATED hieu-truong-nk");
        JsonNode refused = school.json().path("items").valueStream()
                .filter(item -> item.path("type").asString().equals("SIGN_IN_REFUSED")).findFirst().orElseThrow();
        assertThat(refused.path("details").path("reason").asString()).isEqualTo("WRONG_PASSWORD");
        assertThat(refused.path("details").path("address").asString()).isEqualTo("10.4.0.2");
        JsonNode roles = school.json().path("items").valueStream()
                .filter(item -> item.path("type").asString().equals("ROLES_CHANGED")).findFirst().orElseThrow();
        assertThat(roles.path("details").path("roles").valueStream().map(JsonNode::asString).toList())
                .containsExactly("LIBRARIAN", "TEACHER");

        // another school's administrator does not see them; the system administrator sees every account's
        assertThat(principal.get("/api/v1/schools/th-khac/account-audit").status()).isEqualTo(404);
        ApiClient.Answer all = admin.get("/api/v1/admin/audit?actor=hieu-truong-nk&type=ACCOUNT_CREATED");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().path("items").valueStream().map(item -> item.path("username").asString()).toList())
                .containsExactly("thu-thu-nk");
        assertThat(all.json().path("totalItems").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/v1/admin/audit?type=SIGN_IN_REFUSED&from=2000-01-01&to=2000-12-31").json()
                .path("totalItems").asLong()).isZero();
        assertThat(admin.get("/api/v1/admin/audit?from=2026-13-01").status()).isEqualTo(400);
    }

    @Test
    void theSchoolsAuditShowsEventsAsObjectsFilteredByTypeActorAndDates() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture school = LibraryFixture.primarySchool(admin, "th-kiem-tra");
        String title = admin.post(school.base() + "/titles", "{\"title\":\"Tôi thấy hoa vàng trên cỏ xanh\",\"docType\":\"CHILDREN\"}")
                .text("titleId");
        admin.post(school.base() + "/copies", "{\"barcode\":\"KT-1\",\"titleId\":\"" + title + "\"}");
        admin.post(school.base() + "/copies", "{\"barcode\":\"KT-2\",\"titleId\":\"" + title + "\"}");

        ApiClient.Answer copies = admin.get(school.base() + "/audit?type=CopyAccessioned&size=1");
        assertThat(copies.status()).as(copies.body()).isEqualTo(200);
        assertThat(copies.json().path("page").asInt()).isZero();
        assertThat(copies.json().path("size").asInt()).isEqualTo(1);
        assertThat(copies.json().path("totalItems").asLong()).isEqualTo(2);
        JsonNode newest = copies.json().path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("CopyAccessioned");
        assertThat(newest.path("event").isObject()).as(newest.toString()).isTrue();
        assertThat(newest.path("event").path("barcode").asString()).isEqualTo("KT-2");
        assertThat(admin.get(school.base() + "/audit?type=CopyAccessioned&page=1&size=1").json().path("items").get(0)
                .path("event").path("barcode").asString()).isEqualTo("KT-1");

        assertThat(admin.get(school.base() + "/audit?actor=khong-ai").json().path("totalItems").asLong()).isZero();
        assertThat(admin.get(school.base() + "/audit?actor=test-admin&type=TitleCatalogued").json().path("totalItems").asLong())
                .isEqualTo(1);
        assertThat(admin.get(school.base() + "/audit?from=2000-01-01&to=2000-12-31").json().path("totalItems").asLong()).isZero();
        assertThat(admin.get(school.base() + "/audit?from=2000-01-01&to=2100-12-31&type=CopyAccessioned").json()
                .path("totalItems").asLong()).isEqualTo(2);
        assertThat(admin.get(school.base() + "/audit").json().path("size").asInt()).isEqualTo(20);
        assertThat(admin.get(school.base() + "/audit?page=100000&size=200").status()).isEqualTo(200);
        for (String bad : List.of("from=hom-qua", "to=2026-02-30", "from=2026-05-01&to=2026-04-01", "from=+9999999-01-01",
                "type=" + "X".repeat(300), "page=-1", "page=100001", "size=0", "size=201")) {
            ApiClient.Answer refused = admin.get(school.base() + "/audit?" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void accountsAreListedAsPages() {
        ApiClient admin = new ApiClient(port);
        LibraryFixture.primarySchool(admin, "th-danh-sach");
        for (String name : List.of("ds-mot", "ds-hai", "ds-ba")) {
            assertThat(admin.put("/api/v1/accounts/" + name, "{\"password\":\"mat-khau-danh-sach\",\"roles\":[\"LIBRARIAN\"],"
                    + "\"schoolId\":\"th-danh-sach\"}").status()).isEqualTo(201);
        }
        ApiClient.Answer first = admin.get("/api/v1/schools/th-danh-sach/accounts?size=2");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("items").valueStream().map(item -> item.path("username").asString()).toList())
                .containsExactly("ds-ba", "ds-hai");
        assertThat(first.json().path("page").asInt()).isZero();
        assertThat(first.json().path("size").asInt()).isEqualTo(2);
        assertThat(first.json().path("totalItems").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/v1/schools/th-danh-sach/accounts?size=2&page=1").json().path("items").get(0).path("username")
                .asString()).isEqualTo("ds-mot");
        ApiClient.Answer all = admin.get("/api/v1/accounts?schoolId=th-danh-sach");
        assertThat(all.json().path("size").asInt()).isEqualTo(20);
        assertThat(all.json().path("totalItems").asLong()).isEqualTo(3);
        assertThat(admin.get("/api/v1/accounts?size=201").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/accounts?page=-1").status()).isEqualTo(400);
    }

    private static String signIn(ApiClient anonymous, String username, String password, String address) {
        ApiClient.Answer answer = signInAnswer(anonymous, username, password, address);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.text("accessToken");
    }

    private static ApiClient.Answer signInAnswer(ApiClient anonymous, String username, String password, String address) {
        return anonymous.post("/api/v1/auth/token", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}",
                "X-Forwarded-For", address);
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
