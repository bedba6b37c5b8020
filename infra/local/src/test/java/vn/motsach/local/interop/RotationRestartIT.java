package vn.motsach.local.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.groupBody;
import static vn.motsach.local.interop.InteropGroupsEndToEndIT.title;
import static vn.motsach.local.interop.RotationEndToEndIT.body;
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
 * A restart in the middle of a rotation: the copies lent to the partner are still there when the
 * application comes back (their moves are events of their own streams), so the owner's desk still
 * refuses them, the partner's desk still lends them, and the owner takes them back from there.
 */
class RotationRestartIT {

    @Test
    void copiesOnARotationBeforeARestartAreStillAtThePartnerAfterIt() throws Exception {
        Path data = TestDirectories.create("rotation-restart-");
        String rotation;
        try (ConfigurableApplicationContext first = LocalInstance.start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(first));
            LocalDate today = LocalDate.now(first.getBean(Clock.class));
            LibraryFixture owner = LibraryFixture.lowerSecondaryThisYear(api, "thcs-lk-chu", "THCS Luân Khởi Chủ", "xa-luan-khoi", today);
            LibraryFixture receiver = LibraryFixture.lowerSecondaryThisYear(api, "thcs-lk-nhan", "THCS Luân Khởi Nhận", "xa-luan-khoi", today);
            owner.patron("hs-chu", "Lê Văn Chủ", "STUDENT", null);
            receiver.patron("hs-nhan", "Phạm Thị Nhận", "STUDENT", null);
            String deMen = title(owner, api, "Dế Mèn phiêu lưu ký", "Tô Hoài", null, 2020);
            owner.copy("LK-001", deMen);
            owner.copy("LK-002", deMen);
            owner.expect(201, api.put("/api/v1/authorities/xa-luan-khoi/interop-groups/nhom-lk",
                    groupBody("Cụm luân khởi", "LENDING", "thcs-lk-chu", "thcs-lk-nhan")));
            rotation = owner.expect(201, api.post(owner.base() + "/rotations", body("thcs-lk-nhan", today.plusDays(30), "LK-001", "LK-002")))
                    .text("rotationId");
        }

        try (ConfigurableApplicationContext second = LocalInstance.start(data)) {
            ApiClient api = new ApiClient(LocalInstance.port(second));
            LibraryFixture owner = new LibraryFixture(api, "thcs-lk-chu");
            LibraryFixture receiver = new LibraryFixture(api, "thcs-lk-nhan");
            refused(owner.checkOut("LK-001", "hs-chu"), 409, "COPY_AWAY");
            receiver.expect(201, receiver.checkOut("LK-001", "hs-nhan"));
            refused(api.post(owner.base() + "/rotations/" + rotation + "/return", "{\"barcodes\":[\"LK-001\"]}"), 409,
                    "COPY_ALREADY_ON_LOAN");
            // every copy still away but the one a partner's reader holds
            ApiClient.Answer back = owner.expect(200, api.post(owner.base() + "/rotations/" + rotation + "/return", "{}"));
            assertThat(back.json().path("returned").get(0).asString()).isEqualTo("LK-002");
            assertThat(back.json().path("returned").size()).isEqualTo(1);
            assertThat(owner.expect(200, api.get(owner.base() + "/copies/LK-002", "X-Min-Event-Position",
                    Long.toString(back.eventPosition()))).text("status")).isEqualTo("AVAILABLE");
            assertThat(owner.expect(200, api.get(owner.base() + "/copies/LK-001")).text("status")).isEqualTo("AT_PARTNER");
        }
    }
}
