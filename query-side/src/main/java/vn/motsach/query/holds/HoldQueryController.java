package vn.motsach.query.holds;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.PathIds;

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
    PageView<HoldView> holds(@PathVariable String schoolId, @RequestParam(required = false) String titleId,
            @RequestParam(required = false) String patronId, @RequestParam(required = false) HoldStatus status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        UUID title = PathIds.optionalUuid(check, "titleId", titleId);
        String patron = PathIds.optionalLocal(check, "patronId", patronId);
        PageRequest paging = PageRequest.of(check, page, size);
        check.orRefuse();
        return holds.find(school, title, patron, status == null ? null : status.name(), paging);
    }

    /** Whatever its status: a front-end follows a hold it placed from waiting to fulfilled or closed. */
    @Operation(summary = "Một lượt đặt trước theo mã, với vị trí trong hàng chờ (One hold by id)")
    @Refusals(notFound = "HOLD_NOT_FOUND")
    @GetMapping("/api/v1/schools/{schoolId}/holds/{holdId}")
    HoldView hold(@PathVariable String schoolId, @PathVariable String holdId) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        UUID hold = PathIds.uuid(check, "holdId", holdId);
        check.orRefuse();
        return holds.one(school, hold).orElseThrow(() -> new Refused(RefusalCode.HOLD_NOT_FOUND, holdId));
    }
}
