package vn.motsach.local.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.groupBody;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.texts;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.title;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * An inter-library loan through HTTP across two schools of a lending group, from the reader's
 * request to the copy back on its owner's shelf, each step refused where it does not belong; and
 * the races on the last copy: two partners' requests shipped at once, a home desk lending it while
 * it is being shipped. One wins each race, the other is refused, and the copy is never on two shelves.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InterlibraryLoanEndToEndIT {

    private static final String AUTHORITY = "xa-muon-lien";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aReaderBorrowsAnotherLibrarysCopyUnderItsOwnersPolicyAndItGoesHome() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-ml-chu", "THCS Chủ Sách", AUTHORITY, today);
        LibraryFixture borrower = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-ml-muon", "THCS Mượn Sách", AUTHORITY, today);
        LibraryFixture outside = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-ml-ngoai", "THCS Ngoài", AUTHORITY, today);
        owner.expect(200, admin.put(owner.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":5,\"maxLoans\":1,\"maxRenewals\":0,\"holdPickupDays\":3}"));
        owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
        borrower.patron("hs-muon", "Phạm Thị Mượn", "STUDENT", null);
        outside.patron("hs-ngoai", "Đỗ Văn Ngoài", "STUDENT", null);
        String deMen = title(owner, admin, "Dế Mèn phiêu lưu ký", "Tô Hoài", null, 2020);
        owner.copy("ML-001", deMen);
        owner.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-ml",
                groupBody("Cụm mượn liên thư viện", "LENDING", "thcs-ml-chu", "thcs-ml-muon")));

        refused(admin.post(outside.base() + "/interlibrary-loans", request("thcs-ml-chu", deMen, "hs-ngoai")), 409, "NOT_IN_LENDING_GROUP");
        ApiClient.Answer requested = borrower.expect(201, admin.post(borrower.base() + "/interlibrary-loans",
                request("thcs-ml-chu", deMen, "hs-muon")));
        assertThat(requested.text("status")).isEqualTo("REQUESTED");
        String id = requested.text("requestId");
        String atOwner = owner.base() + "/interlibrary-loans/" + id;
        String atBorrower = borrower.base() + "/interlibrary-loans/" + id;

        // only the owner ships, and only a copy of the title asked for, once
        refused(admin.post(atBorrower + "/shipment", "{\"barcode\":\"ML-001\"}"), 404, "INTERLIBRARY_LOAN_NOT_FOUND");
        refused(admin.post(atBorrower + "/receipt", "{}"), 409, "WRONG_STATE");
        ApiClient.Answer shipped = owner.expect(200, admin.post(atOwner + "/shipment", "{\"barcode\":\"ML-001\"}"));
        assertThat(shipped.text("status")).isEqualTo("SHIPPED");
        refused(admin.post(atOwner + "/shipment", "{\"barcode\":\"ML-001\"}"), 409, "WRONG_STATE");
        // in transit: not on the owner's shelf, not at the partner's desk yet
        refused(owner.checkOut("ML-001", "hs-chu"), 409, "COPY_AWAY");
        refused(borrower.checkOut("ML-001", "hs-muon"), 404, "COPY_NOT_FOUND");
        assertThat(copyStatus(admin, owner, "ML-001", shipped)).isEqualTo("IN_TRANSIT");

        ApiClient.Answer received = borrower.expect(200, admin.post(atBorrower + "/receipt", "{}"));
        assertThat(received.text("status")).isEqualTo("RECEIVED");
        assertThat(copyStatus(admin, owner, "ML-001", received)).isEqualTo("AT_PARTNER");
        refused(owner.checkOut("ML-001", "hs-chu"), 409, "COPY_AWAY");
        // the owner's stocktake does not count the copy away at the partner as missing
        String stocktake = owner.base() + "/stocktakes/" + owner.expect(201, admin.post(owner.base() + "/stocktakes",
                "{\"name\":\"Kiểm kê giữa kỳ\"}")).text("stocktakeId");
        ApiClient.Answer closed = owner.expect(200, admin.post(stocktake + "/closing", "{\"markMissingAsLost\":false}"));
        JsonNode findings = owner.expect(200, admin.get(stocktake, "X-Min-Event-Position",
                Long.toString(closed.eventPosition()))).json();
        assertThat(findings.path("missing").findValuesAsString("barcode")).doesNotContain("ML-001");

        // lent at the borrowing desk by its barcode, for the owner's five days rather than the borrower's fourteen
        JsonNode loan = borrower.expect(201, borrower.checkOut("ML-001", "hs-muon")).json();
        assertThat(LocalDate.parse(loan.path("dueOn").asString())).isBefore(today.plusDays(9));
        refused(admin.post(atBorrower + "/return-shipment", "{}"), 409, "COPY_ALREADY_ON_LOAN");
        refused(owner.checkIn("ML-001"), 409, "COPY_AWAY");
        borrower.expect(200, borrower.checkIn("ML-001"));

        assertThat(borrower.expect(200, admin.post(atBorrower + "/return-shipment", "{}")).text("status")).isEqualTo("RETURN_SHIPPED");
        refused(borrower.checkOut("ML-001", "hs-muon"), 404, "COPY_NOT_FOUND");
        refused(owner.checkOut("ML-001", "hs-chu"), 409, "COPY_AWAY");
        ApiClient.Answer home = owner.expect(200, admin.post(atOwner + "/receipt", "{}"));
        assertThat(home.text("status")).isEqualTo("RETURNED");
        assertThat(copyStatus(admin, owner, "ML-001", home)).isEqualTo("AVAILABLE");
        refused(admin.post(atOwner + "/receipt", "{}"), 409, "WRONG_STATE");

        JsonNode sent = borrower.expect(200, admin.get(borrower.base() + "/interlibrary-loans?direction=OUT",
                "X-Min-Event-Position", Long.toString(home.eventPosition()))).json();
        assertThat(texts(sent.path("items"), "status")).containsExactly("RETURNED");
        assertThat(texts(sent.path("items"), "patronId")).containsExactly("hs-muon");
        assertThat(texts(sent.path("items"), "title")).containsExactly("Dế Mèn phiêu lưu ký");
        JsonNode lent = owner.expect(200, admin.get(owner.base() + "/interlibrary-loans?direction=IN")).json();
        assertThat(texts(lent.path("items"), "barcode")).containsExactly("ML-001");
        // the lender never learns who read its book
        assertThat(lent.toString()).doesNotContain("hs-muon");
        assertThat(owner.expect(200, admin.get(owner.base() + "/interlibrary-loans?direction=OUT")).json().path("items").size()).isZero();

        // home again: the owner's desk lends it as before; the loan abroad counted where the reader borrowed
        owner.expect(201, owner.checkOut("ML-001", "hs-chu"));
        JsonNode borrowerLoans = borrower.expect(200, admin.get(borrower.base() + "/patrons/hs-muon/loans?status=ALL")).json();
        assertThat(texts(borrowerLoans.path("items"), "barcode")).containsExactly("ML-001");

        // a refusal ends a request
        String second = borrower.expect(201, admin.post(borrower.base() + "/interlibrary-loans", request("thcs-ml-chu", deMen, "hs-muon")))
                .text("requestId");
        assertThat(owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + second + "/shipment",
                "{\"refusal\":\"Sách đang được mượn\"}")).text("status")).isEqualTo("REFUSED");
        refused(admin.post(owner.base() + "/interlibrary-loans/" + second + "/shipment", "{\"barcode\":\"ML-001\"}"), 409, "WRONG_STATE");
        // a librarian of a school outside the request sees nothing of it
        ApiClient librarianOutside = admin.as(TestTokens.ofSchool("tv-ml-ngoai", "LIBRARIAN", "thcs-ml-ngoai"));
        refused(librarianOutside.post(outside.base() + "/interlibrary-loans/" + second + "/receipt", "{}"), 404,
                "INTERLIBRARY_LOAN_NOT_FOUND");
        assertThat(outside.expect(200, librarianOutside.get(outside.base() + "/interlibrary-loans")).json().path("items").size()).isZero();
    }

    @Test
    void theLastCopyGoesToOnePartnerOnlyAndIsNotLentAtHomeWhileShipped() throws Exception {
        ApiClient admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-dua-chu", "THCS Đua Chủ", AUTHORITY, today);
        LibraryFixture first = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-dua-mot", "THCS Đua Một", AUTHORITY, today);
        LibraryFixture second = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-dua-hai", "THCS Đua Hai", AUTHORITY, today);
        owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
        first.patron("hs-mot", "Nguyễn Văn Một", "STUDENT", null);
        second.patron("hs-hai", "Nguyễn Văn Hai", "STUDENT", null);
        String title = title(owner, admin, "Đất rừng phương Nam", "Đoàn Giỏi", null, 1957);
        owner.copy("DUA-001", title);
        owner.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-dua",
                groupBody("Cụm đua", "LENDING", "thcs-dua-chu", "thcs-dua-mot", "thcs-dua-hai")));

        ExecutorService desks = Executors.newFixedThreadPool(3);
        try {
            for (int round = 0; round < 3; round++) {
                String one = first.expect(201, admin.post(first.base() + "/interlibrary-loans", request("thcs-dua-chu", title, "hs-mot")))
                        .text("requestId");
                String two = second.expect(201, admin.post(second.base() + "/interlibrary-loans", request("thcs-dua-chu", title, "hs-hai")))
                        .text("requestId");
                List<Callable<ApiClient.Answer>> race = List.of(
                        () -> admin.post(owner.base() + "/interlibrary-loans/" + one + "/shipment", "{\"barcode\":\"DUA-001\"}"),
                        () -> admin.post(owner.base() + "/interlibrary-loans/" + two + "/shipment", "{\"barcode\":\"DUA-001\"}"),
                        () -> owner.checkOut("DUA-001", "hs-chu"));
                List<ApiClient.Answer> answers = new ArrayList<>();
                for (Future<ApiClient.Answer> answer : desks.invokeAll(race)) {
                    answers.add(answer.get());
                }
                List<Integer> statuses = answers.stream().map(ApiClient.Answer::status).toList();
                assertThat(statuses.stream().filter(status -> status < 300)).as(answers.toString()).hasSize(1);
                for (ApiClient.Answer answer : answers) {
                    if (answer.status() >= 300) {
                        assertThat(answer.status()).as(answer.body()).isEqualTo(409);
                        assertThat(answer.text("code")).isIn("COPY_NOT_AVAILABLE", "COPY_ALREADY_ON_LOAN", "COPY_AWAY");
                    }
                }
                // bring the copy home for the next round, whoever won
                int winner = statuses.indexOf(statuses.stream().filter(status -> status < 300).findFirst().orElseThrow());
                if (winner == 2) {
                    owner.expect(200, owner.checkIn("DUA-001"));
                } else {
                    LibraryFixture partner = winner == 0 ? first : second;
                    String request = winner == 0 ? one : two;
                    String path = partner.base() + "/interlibrary-loans/" + request;
                    partner.expect(200, admin.post(path + "/receipt", "{}"));
                    partner.expect(200, admin.post(path + "/return-shipment", "{}"));
                    owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + request + "/receipt", "{}"));
                }
            }
        } finally {
            desks.shutdownNow();
        }
    }

    private static String request(String lender, String titleId, String patron) {
        return "{\"lendingSchoolId\":\"%s\",\"titleId\":\"%s\",\"patronId\":\"%s\"}".formatted(lender, titleId, patron);
    }

    private static String copyStatus(ApiClient api, LibraryFixture school, String barcode, ApiClient.Answer after) {
        return school.expect(200, api.get(school.base() + "/copies/" + barcode, "X-Min-Event-Position",
                Long.toString(after.eventPosition()))).text("status");
    }
}
