package vn.motsach.query.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.events.SchoolYear;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.SchoolDates;

/** A liên thông group's figures for its authority (the access rule lets the authority's administrators and those above it in). */
@Tag(name = "interop")
@RestController
class GroupFiguresController {

    private final GroupFigures figures;

    GroupFiguresController(GroupFigures figures) {
        this.figures = figures;
    }

    @Refusals(notFound = "INTEROP_GROUP_NOT_FOUND")
    @Operation(summary = "Số liệu liên thông của nhóm trong năm học: yêu cầu mượn liên thư viện, đã đáp ứng, số ngày (trung vị), "
            + "đợt luân chuyển, bản sách luân chuyển, lượt mượn sách luân chuyển")
    @GetMapping("/api/v1/authorities/{authorityId}/interop-groups/{groupId}/figures")
    GroupFiguresView figures(GroupYear asked) {
        SchoolYear year = asked.schoolYear() != null ? SchoolYear.of(asked.schoolYear()) : SchoolYear.holding(asked.today());
        return figures.of(asked.authorityId(), asked.groupId(), year)
                .orElseThrow(() -> new Refused(RefusalCode.INTEROP_GROUP_NOT_FOUND, asked.groupId()));
    }

    /** {@code schoolYear}: the August-to-July year, such as {@code 2026-2027}; today's without one. */
    record GroupYear(String authorityId, String groupId, String schoolYear, LocalDate today) implements CheckedRequest {

        GroupYear(RequestValues in) {
            this(PathIds.authority(in), in.check().matching("groupId", in.value("groupId"), InteropGroupId.FORMAT),
                    PathIds.optionalSchoolYear(in), SchoolDates.today(in.clock()));
        }
    }
}
