package vn.motsach.local.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.groupBody;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.title;
import static vn.motsach.testing.LibraryFixture.refused;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motsach.local.LocalInstance;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestDirectories;

/**
 * A restart in the middle of a shipment: the copy sent to a partner is still in transit when the
 * application comes back (its journey is events of its own stream), so it is still not lendable
 * at home nor shippable again, and the partner's receipt goes on from there.
 */
class InterlibraryLoanRestartIT {

    @Test
    void aCopyShippedBeforeARestartIsStillInTransitAfterIt() throws Exception {
        Path data = TestDirectories.create("interop-restart-");
        String request;
        String atOwner;
        String atBorrower;
        try (ConfigurableApplicationContext first = LocalInstance.start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(first));
            LocalDate today = LocalDate.now(first.getBean(Clock.class));
            LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(api, "thcs-kl-chu", "THCS Khởi Lại Chủ", "xa-khoi-lai", today);
            LibraryFixture borrower = LibraryFixture.lowerSecondaryThisYear(api, "thcs-kl-muon", "THCS Khởi Lại Mượn", "xa-khoi-lai", today);
            owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
            borrower.patron("hs-muon", "Phạm Thị Mượn", "STUDENT", null);
            String deMen = title(owner, api, "Dế Mèn phiêu lưu ký", "Tô Hoài", null, 2020);
            owner.copy("KL-001", deMen);
            owner.expect(201, api.put("/api/v1/authorities/xa-khoi-lai/interop-groups/nhom-kl",
                    groupBody("Cụm khởi lại", "LENDING", "thcs-kl-chu", "thcs-kl-muon")));
            request = borrower.expect(201, api.post(borrower.base() + "/interlibrary-loans",
                    "{\"lendingSchoolId\":\"thcs-kl-chu\",\"titleId\":\"%s\",\"patronId\":\"hs-muon\"}".formatted(deMen)))
                    .text("requestId");
            atOwner = owner.base() + "/interlibrary-loans/" + request;
            atBorrower = borrower.base() + "/interlibrary-loans/" + request;
            owner.expect(200, api.post(atOwner + "/shipment", "{\"barcode\":\"KL-001\"}"));
        }

        try (ConfigurableApplicationContext second = LocalInstance.start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(second));
            LibraryFixture owner = new LibraryFixture(api, "thcs-kl-chu");
            LibraryFixture borrower = new LibraryFixture(api, "thcs-kl-muon");
            refused(owner.checkOut("KL-001", "hs-chu"), 409, "COPY_AWAY");
            refused(api.post(atOwner + "/shipment", "{\"barcode\":\"KL-001\"}"), 409, "WRONG_STATE");
            ApiClient.Answer received = borrower.expect(200, api.post(atBorrower + "/receipt", "{}"));
            assertThat(received.text("status")).isEqualTo("RECEIVED");
            borrower.expect(201, borrower.checkOut("KL-001", "hs-muon"));
            assertThat(owner.expect(200, api.get(owner.base() + "/copies/KL-001", "X-Min-Event-Position",
                    Long.toString(received.eventPosition()))).text("status")).isEqualTo("AT_PARTNER");
        }
    }
}
