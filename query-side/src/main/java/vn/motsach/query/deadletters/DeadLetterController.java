package vn.motsach.query.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;

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
    PageView<DeadLetterView> deadLetters(DeadLetterList asked) {
        return deadLetters.page(asked.projection() == null ? null : deadLetters.known(asked.projection()), asked.schoolId(),
                asked.paging());
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
    ReplayView replaySchool(SchoolReplay asked) {
        return deadLetters.replay(deadLetters.known(asked.name()), asked.schoolId());
    }

    /** {@code projection}: a name, checked against the projections there are. */
    record DeadLetterList(String projection, String schoolId, PageRequest paging) implements CheckedRequest {

        DeadLetterList(RequestValues in) {
            this(in.value("projection"), PathIds.optionalSchool(in), PageRequest.of(in));
        }
    }

    record SchoolReplay(String name, String schoolId) implements CheckedRequest {

        SchoolReplay(RequestValues in) {
            this(in.value("name"), PathIds.school(in));
        }
    }
}
