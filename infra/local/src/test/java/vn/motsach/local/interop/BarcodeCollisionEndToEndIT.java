package vn.motsach.local.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.groupBody;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.title;
import static vn.motsach.testing.LibraryFixture.refused;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;

/**
 * Two libraries of a lending group number a copy alike. While the partner's copy is at the
 * borrowing desk the barcode is both, and the desk names whose copy it lends or takes back
 * ({@code ownerSchoolId}): without it the checkout and the return are refused, listing the owners,
 * and change nothing. Each loan keeps to its own copy (the partner's under its owner's policy, to
 * its renewal), the desk's own copy stays on its shelf (and AVAILABLE in its copy lists) while the
 * partner's is lent, the desk's loan of the partner's copy names its owner and title, and once the
 * partner's copy has gone home the barcode is the desk's own again.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BarcodeCollisionEndToEndIT {

    private static final String AUTHORITY = "xa-trung-so";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aBarcodeOfTwoLibrariesAtOneDeskIsLentAndTakenBackByNamingItsOwner() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-ts-chu", "THCS Trùng Số Chủ", AUTHORITY, today);
        LibraryFixture desk = LibraryFixture.lowerSecondaryThisYear(admin, "thcs-ts-muon", "THCS Trùng Số Mượn", AUTHORITY, today);
        owner.expect(200, admin.put(owner.base() + "/loan-policies/STUDENT",
                "{\"loanDays\":5,\"maxLoans\":1,\"maxRenewals\":0,\"holdPickupDays\":3}"));
        desk.patron("hs-ts-mot", "Trần Văn Một", "STUDENT", null);
        desk.patron("hs-ts-hai", "Lý Thị Hai", "STUDENT", null);
        desk.patron("hs-ts-ba", "Hồ Văn Ba", "STUDENT", null);
        String ownersTitle = title(owner, admin, "Tuổi thơ dữ dội", "Phùng Quán", null, 1988);
        owner.copy("TS-001", ownersTitle);
        String desksTitle = title(desk, admin, "Quê nội", "Võ Quảng", null, 1974);
        desk.copy("TS-001", desksTitle);
        owner.expect(201, admin.put("/api/v1/authorities/" + AUTHORITY + "/interop-groups/nhom-ts",
                groupBody("Cụm trùng số", "LENDING", "thcs-ts-chu", "thcs-ts-muon")));

        // the desk's own copy: one copy of that barcode at the desk, found without an owner
        desk.expect(201, desk.checkOut("TS-001", "hs-ts-ba"));
        desk.expect(200, desk.checkIn("TS-001"));

        String request = desk.expect(201, admin.post(desk.base() + "/interlibrary-loans",
                "{\"lendingSchoolId\":\"thcs-ts-chu\",\"titleId\":\"%s\",\"patronId\":\"hs-ts-mot\"}".formatted(ownersTitle)))
                .text("requestId");
        owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + request + "/shipment", "{\"barcode\":\"TS-001\"}"));
        desk.expect(200, admin.post(desk.base() + "/interlibrary-loans/" + request + "/receipt", "{}"));

        // two copies of TS-001 at the desk: refused without an owner, naming both, and nothing changes
        ApiClient.Answer ambiguous = checkOut(admin, desk, "TS-001", "hs-ts-mot", null);
        refused(ambiguous, 409, "BARCODE_AMBIGUOUS");
        assertThat(ambiguous.text("detail")).contains("thcs-ts-muon").contains("thcs-ts-chu");
        // the owners as a list the desk offers to choose from: its own copy first
        assertThat(ambiguous.json().path("owners").toString()).isEqualTo("[\"thcs-ts-muon\",\"thcs-ts-chu\"]");
        refused(checkIn(admin, desk, "TS-001", null), 409, "BARCODE_AMBIGUOUS");
        refused(checkOut(admin, desk, "TS-001", "hs-ts-mot", "thcs-khong-co"), 404, "COPY_NOT_FOUND");
        refused(checkOut(admin, desk, "TS-001", "hs-ts-mot", "Không Hợp Lệ"), 400, "VALIDATION_FAILED");

        // the partner's copy, named by its owner: the owner's title, for the owner's five days
        ApiClient.Answer lending = desk.expect(201, checkOut(admin, desk, "TS-001", "hs-ts-mot", "thcs-ts-chu"));
        JsonNode lent = lending.json();
        assertThat(lent.path("titleId").asString()).isEqualTo(ownersTitle);
        assertThat(LocalDate.parse(lent.path("dueOn").asString())).isBefore(today.plusDays(9));
        // the desk's lists: its own copy of that barcode is on its shelf, the loan is of the owner's copy and title
        String seen = Long.toString(lending.eventPosition());
        JsonNode desksCopies = desk.expect(200, admin.get(desk.base() + "/copies?titleId=" + desksTitle,
                "X-Min-Event-Position", seen)).json();
        assertThat(desksCopies.path("items").get(0).path("barcode").asString()).isEqualTo("TS-001");
        assertThat(desksCopies.path("items").get(0).path("status").asString()).isEqualTo("AVAILABLE");
        assertThat(desk.expect(200, admin.get(desk.base() + "/copies?status=ON_LOAN", "X-Min-Event-Position", seen)).json()
                .path("totalItems").asLong()).isZero();
        JsonNode partnersLoan = desk.expect(200, admin.get(desk.base() + "/loans/" + lent.path("loanId").asString(),
                "X-Min-Event-Position", seen)).json();
        assertThat(partnersLoan.path("titleId").asString()).isEqualTo(ownersTitle);
        assertThat(partnersLoan.path("title").asString()).isEqualTo("Tuổi thơ dữ dội");
        assertThat(partnersLoan.path("ownerSchoolId").asString()).isEqualTo("thcs-ts-chu");
        // its renewal goes to the same copy, under the owner's policy (no renewals), not the desk's own copy
        refused(admin.post(desk.base() + "/loans/" + lent.path("loanId").asString() + "/renewals", "{}"), 409,
                "RENEWAL_LIMIT_REACHED");
        // the desk's own copy is still on its shelf: no hold is needed for its title
        refused(admin.post(desk.base() + "/holds", "{\"titleId\":\"%s\",\"patronId\":\"hs-ts-hai\"}".formatted(desksTitle)), 409,
                "HOLD_NOT_NEEDED");
        ApiClient.Answer lendingOwn = desk.expect(201, checkOut(admin, desk, "TS-001", "hs-ts-hai", "thcs-ts-muon"));
        JsonNode own = lendingOwn.json();
        assertThat(own.path("titleId").asString()).isEqualTo(desksTitle);
        // now the desk's own copy is lent as well: on loan under its own loan, which names no owner
        String seenOwn = Long.toString(lendingOwn.eventPosition());
        JsonNode desksCopy = desk.expect(200, admin.get(desk.base() + "/copies/TS-001", "X-Min-Event-Position", seenOwn)).json();
        assertThat(desksCopy.path("status").asString()).isEqualTo("ON_LOAN");
        assertThat(desksCopy.path("loan").path("loanId").asString()).isEqualTo(own.path("loanId").asString());
        assertThat(desk.expect(200, admin.get(desk.base() + "/loans/" + own.path("loanId").asString(),
                "X-Min-Event-Position", seenOwn)).json().path("ownerSchoolId").isNull()).isTrue();

        // each return takes back the copy named
        refused(checkIn(admin, desk, "TS-001", null), 409, "BARCODE_AMBIGUOUS");
        assertThat(desk.expect(200, checkIn(admin, desk, "TS-001", "thcs-ts-chu")).text("loanId"))
                .isEqualTo(lent.path("loanId").asString());
        refused(checkIn(admin, desk, "TS-001", "thcs-ts-chu"), 409, "COPY_NOT_ON_LOAN");
        // one of the two is lent here now: the book brought back is that one, found without an owner
        assertThat(desk.expect(200, checkIn(admin, desk, "TS-001", null)).text("loanId"))
                .isEqualTo(own.path("loanId").asString());
        refused(checkIn(admin, desk, "TS-001", null), 409, "BARCODE_AMBIGUOUS");

        // the partner's copy goes home: the barcode is the desk's own again
        desk.expect(200, admin.post(desk.base() + "/interlibrary-loans/" + request + "/return-shipment", "{}"));
        owner.expect(200, admin.post(owner.base() + "/interlibrary-loans/" + request + "/receipt", "{}"));
        assertThat(desk.expect(201, desk.checkOut("TS-001", "hs-ts-mot")).json().path("titleId").asString()).isEqualTo(desksTitle);
        owner.patron("hs-ts-chu", "Đặng Văn Chủ", "STUDENT", null);
        assertThat(owner.expect(201, owner.checkOut("TS-001", "hs-ts-chu")).json().path("titleId").asString()).isEqualTo(ownersTitle);
    }

    private static ApiClient.Answer checkOut(ApiClient api, LibraryFixture desk, String barcode, String patron, String owner) {
        return api.post(desk.base() + "/checkouts", "{\"barcode\":\"%s\",\"patronId\":\"%s\"%s}".formatted(barcode, patron,
                owner == null ? "" : ",\"ownerSchoolId\":\"" + owner + "\""));
    }

    private static ApiClient.Answer checkIn(ApiClient api, LibraryFixture desk, String barcode, String owner) {
        return api.post(desk.base() + "/checkins", "{\"barcode\":\"%s\"%s}".formatted(barcode,
                owner == null ? "" : ",\"ownerSchoolId\":\"" + owner + "\""));
    }
}
