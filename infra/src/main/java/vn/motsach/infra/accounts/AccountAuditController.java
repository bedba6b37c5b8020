package vn.motsach.infra.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.RequestCheck;

/**
 * The accounts' audit trail: a school's administrators see their school's accounts' entries, the
 * system administrators every account's (their own, authorities', and sign-ins with names no
 * account has). A school's other audit trail, of what its accounts did to its library, is the
 * events' ({@code /schools/{schoolId}/audit}).
 */
@Tag(name = "accounts", description = "Tài khoản và đăng nhập")
@RestController
class AccountAuditController {

    private final AccountAudit audit;

    AccountAuditController(AccountAudit audit) {
        this.audit = audit;
    }

    @Operation(summary = "Nhật ký tài khoản của cả hệ thống",
            description = "Tạo, sửa, khóa tài khoản và các lần đăng nhập (thành công hay bị từ chối, kèm lý do), mới nhất trước; "
                    + "lọc theo type, actor, from, to (YYYY-MM-DD).")
    @GetMapping("/api/v1/admin/audit")
    Page<AccountAudit.AccountAuditEntry> all(@RequestParam(required = false) String type, @RequestParam(required = false) String actor,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return read(null, type, actor, from, to, page, size);
    }

    @Operation(summary = "Nhật ký tài khoản của trường",
            description = "Như nhật ký của cả hệ thống, cho các tài khoản của trường.")
    @GetMapping("/api/v1/schools/{schoolId}/account-audit")
    Page<AccountAudit.AccountAuditEntry> ofSchool(@PathVariable String schoolId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return read(schoolId, type, actor, from, to, page, size);
    }

    private Page<AccountAudit.AccountAuditEntry> read(String schoolId, String type, String actor, String from, String to, Integer page,
            Integer size) {
        RequestCheck check = RequestCheck.of();
        if (schoolId != null) {
            check.matching("schoolId", schoolId, SchoolId.FORMAT);
        }
        AccountAudit.Type checkedType = check.converted("type", type, AccountAudit.Type::valueOf);
        String checkedActor = check.optionalMatching("actor", actor, AccountsController.USERNAME);
        DayRange days = DayRange.of(check, from, to);
        Paging paging = Paging.of(check, page, size);
        check.orRefuse();
        return audit.read(schoolId, checkedType, checkedActor, days.from(), days.to(), paging);
    }
}
