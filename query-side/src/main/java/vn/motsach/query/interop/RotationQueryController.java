package vn.motsach.query.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;

/** A school's rotations (luân chuyển): what it lent, what it received; overdue ones flagged on both sides. */
@Tag(name = "interop")
@RestController
class RotationQueryController {

    private final RotationList rotations;

    RotationQueryController(RotationList rotations) {
        this.rotations = rotations;
    }

    @Operation(summary = "Các đợt luân chuyển sách của trường: OUT = trường cho luân chuyển, IN = trường nhận; status OPEN, OVERDUE, RETURNED",
            description = "Mới gửi trước; phân trang page/size.")
    @GetMapping("/api/v1/schools/{schoolId}/rotations")
    Page<RotationView> rotations(SchoolRotations asked) {
        return rotations.of(asked.schoolId(), asked.direction(), asked.status(), asked.paging());
    }

    record SchoolRotations(String schoolId, RotationList.Direction direction, RotationList.Status status, Paging paging)
            implements CheckedRequest {

        SchoolRotations(RequestValues in) {
            this(PathIds.school(in), in.optional("direction", RotationList.Direction.class),
                    in.optional("status", RotationList.Status.class), Paging.of(in));
        }
    }
}
