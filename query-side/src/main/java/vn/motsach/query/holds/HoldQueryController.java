package vn.motsach.query.holds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;

@Tag(name = "circulation", description = "Lưu thông: mượn, trả, gia hạn, đặt trước")
@RestController
class HoldQueryController {

    /** Which holds: one status, or ACTIVE for those waiting or ready. */
    enum HoldStatus {
        WAITING,
        READY,
        FULFILLED,
        CANCELLED,
        EXPIRED,
        ACTIVE
    }

    private final Holds holds;

    HoldQueryController(Holds holds) {
        this.holds = holds;
    }

    @Operation(summary = "Các lượt đặt trước theo thứ tự hàng chờ, lọc theo nhan đề, bạn đọc, tình trạng")
    @GetMapping("/api/v1/schools/{schoolId}/holds")
    PageView<HoldView> holds(HoldList asked) {
        return holds.find(asked.schoolId(), asked.titleId(), asked.patronId(),
                asked.status() == null ? null : asked.status().name(), asked.paging());
    }

    /** Whatever its status: a front-end follows a hold it placed from waiting to fulfilled or closed. */
    @Operation(summary = "Một lượt đặt trước theo mã, với vị trí trong hàng chờ (One hold by id)")
    @Refusals(notFound = "HOLD_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/holds/{holdId}")
    HoldView hold(OneHold asked) {
        return holds.one(asked.schoolId(), asked.holdId())
                .orElseThrow(() -> new Refused(RefusalCode.HOLD_NOT_FOUND, asked.holdId().toString()));
    }

    record HoldList(String schoolId, UUID titleId, String patronId, HoldStatus status, PageRequest paging)
            implements CheckedRequest {

        HoldList(RequestValues in) {
            this(PathIds.school(in), PathIds.optionalUuid(in, "titleId"), PathIds.optionalLocal(in, "patronId"),
                    in.optional("status", HoldStatus.class), PageRequest.of(in));
        }
    }

    record OneHold(String schoolId, UUID holdId) implements CheckedRequest {

        OneHold(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "holdId"));
        }
    }
}
