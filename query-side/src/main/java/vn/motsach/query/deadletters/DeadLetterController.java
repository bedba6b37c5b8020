package vn.motsach.query.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.PathIds;

/** The events the projections could not apply: listed with their errors, and replayed after a fix. */
@Tag(name = "admin", description = "Quản trị hệ thống")
@RestController
class DeadLetterController {

    private final ProjectionDeadLetters deadLetters;

    DeadLetterController(ProjectionDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Refusals(notFound = "PROJECTION_NOT_FOUND")
    @Operation(summary = "Các sự kiện bảng đọc chưa áp dụng được (hàng đợi sự kiện lỗi), với lỗi của chúng",
            description = "Lọc theo bảng đọc (projection) và trường; sự kiện của một trường chờ sau sự kiện lỗi đầu tiên "
                    + "của trường đó, theo thứ tự.")
    @GetMapping("/api/v1/admin/projections/dead-letters")
    PageView<DeadLetterView> deadLetters(@RequestParam(required = false) String projection,
            @RequestParam(required = false) String schoolId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        RequestCheck check = RequestCheck.of();
        String school = schoolId == null ? null : PathIds.school(check, schoolId);
        PageRequest paging = PageRequest.of(check, page, size);
        check.orRefuse();
        return deadLetters.page(projection == null ? null : deadLetters.known(projection), school, paging);
    }

    @Operation(summary = "Áp dụng lại mọi sự kiện lỗi của mọi bảng đọc, theo thứ tự từng trường")
    @PostMapping("/api/v1/admin/projections/dead-letters/replay")
    ReplayView replayAll() {
        return deadLetters.replay(null, null);
    }

    @Refusals(notFound = "PROJECTION_NOT_FOUND")
    @Operation(summary = "Áp dụng lại các sự kiện lỗi của một bảng đọc")
    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/replay")
    ReplayView replayProjection(@PathVariable String name) {
        return deadLetters.replay(deadLetters.known(name), null);
    }

    @Refusals(notFound = "PROJECTION_NOT_FOUND")
    @Operation(summary = "Áp dụng lại các sự kiện lỗi của một bảng đọc cho một trường")
    @PostMapping("/api/v1/admin/projections/{name}/dead-letters/{schoolId}/replay")
    ReplayView replaySchool(@PathVariable String name, @PathVariable String schoolId) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        check.orRefuse();
        return deadLetters.replay(deadLetters.known(name), school);
    }
}
