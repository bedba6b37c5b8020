package vn.motsach.infra.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.DayRange;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

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
    Page<AccountAudit.AccountAuditEntry> all(AuditQuery asked) {
        return audit.read(null, asked.type(), asked.actor(), asked.days().from(), asked.days().to(), asked.paging());
    }

    @Operation(summary = "Nhật ký tài khoản của trường",
            description = "Như nhật ký của cả hệ thống, cho các tài khoản của trường.")
    @GetMapping("/api/v1/schools/{schoolId}/account-audit")
    Page<AccountAudit.AccountAuditEntry> ofSchool(SchoolAuditQuery asked) {
        AuditQuery query = asked.query();
        return audit.read(asked.schoolId(), query.type(), query.actor(), query.days().from(), query.days().to(), query.paging());
    }

    /** Which entries, on which page: every filter optional. */
    record AuditQuery(AccountAudit.Type type, String actor, DayRange days, Paging paging) implements CheckedRequest {

        AuditQuery(RequestValues in) {
            this(in.check().oneOf("type", in.value("type"), AccountAudit.Type.class),
                    in.check().optionalMatching("actor", in.value("actor"), AccountsController.USERNAME), DayRange.of(in),
                    Paging.of(in));
        }
    }

    record SchoolAuditQuery(String schoolId, AuditQuery query) implements CheckedRequest {

        SchoolAuditQuery(RequestValues in) {
            this(PathIds.school(in), new AuditQuery(in));
        }
    }
}
