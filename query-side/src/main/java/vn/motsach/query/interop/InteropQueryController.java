package vn.motsach.query.interop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.InteropGroupId;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.ListView;

@Tag(name = "interop", description = "Liên thông thư viện: nhóm liên thông, thư mục chung")
@RestController
class InteropQueryController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final InteropGroupDirectory groups;
    private final UnionCatalogue catalogue;
    private final InterlibraryLoanList loans;

    InteropQueryController(InteropGroupDirectory groups, UnionCatalogue catalogue, InterlibraryLoanList loans) {
        this.groups = groups;
        this.catalogue = catalogue;
        this.loans = loans;
    }

    @Refusals(notFound = "INTEROP_GROUP_NOT_FOUND")
    @Operation(summary = "Một nhóm liên thông với các trường thành viên")
    @GetMapping("/api/v1/interop-groups/{groupId}")
    InteropGroupView group(OneGroup asked) {
        return visible(asked.groupId());
    }

    @Refusals(notFound = "INTEROP_GROUP_NOT_FOUND")
    @Operation(summary = "Thư mục chung của nhóm liên thông: mỗi tác phẩm một mục, với vốn sách của từng trường")
    @GetMapping("/api/v1/interop-groups/{groupId}/titles")
    Page<UnionTitleView> titles(UnionSearch asked) {
        return catalogue.search(visible(asked.groupId()), asked.q(), asked.paging());
    }

    @Operation(summary = "Các nhóm liên thông mà trường là thành viên")
    @GetMapping("/api/v1/schools/{schoolId}/interop-groups")
    ListView<InteropGroupView> ofSchool(SchoolGroups asked) {
        return new ListView<>(groups.ofSchool(asked.schoolId()));
    }

    @Operation(summary = "Các nhóm liên thông của cơ quan quản lý")
    @GetMapping("/api/v1/authorities/{authorityId}/interop-groups")
    ListView<InteropGroupView> ofAuthority(AuthorityGroups asked) {
        return new ListView<>(groups.ofAuthority(asked.authorityId()));
    }

    @Operation(summary = "Các yêu cầu mượn liên thư viện của trường: OUT = trường gửi cho bạn đọc của mình, IN = trường nhận (cho mượn)",
            description = "Mới gửi trước; phân trang page/size.")
    @GetMapping("/api/v1/schools/{schoolId}/interlibrary-loans")
    Page<InterlibraryLoanView> interlibraryLoans(LoanRequests asked) {
        return loans.of(asked.schoolId(), asked.direction(), asked.status(), asked.paging());
    }

    private InteropGroupView visible(String groupId) {
        return groups.visible(groupId).orElseThrow(() -> new Refused(RefusalCode.INTEROP_GROUP_NOT_FOUND, groupId));
    }

    record OneGroup(String groupId) implements CheckedRequest {

        OneGroup(RequestValues in) {
            this(in.check().matching("groupId", in.value("groupId"), InteropGroupId.FORMAT));
        }
    }

    /** {@code q}: the words searched for, trimmed and NFC-normalised; none lists every work. */
    record UnionSearch(String groupId, String q, Paging paging) implements CheckedRequest {

        UnionSearch(RequestValues in) {
            this(in.check().matching("groupId", in.value("groupId"), InteropGroupId.FORMAT),
                    in.check().optionalText("q", in.value("q"), MAX_QUERY_LENGTH), Paging.of(in));
        }
    }

    record SchoolGroups(String schoolId) implements CheckedRequest {

        SchoolGroups(RequestValues in) {
            this(PathIds.school(in));
        }
    }

    record LoanRequests(String schoolId, InterlibraryLoanList.Direction direction, InterlibraryLoanList.Status status,
            Paging paging) implements CheckedRequest {

        LoanRequests(RequestValues in) {
            this(PathIds.school(in), in.optional("direction", InterlibraryLoanList.Direction.class),
                    in.optional("status", InterlibraryLoanList.Status.class), Paging.of(in));
        }
    }

    record AuthorityGroups(String authorityId) implements CheckedRequest {

        AuthorityGroups(RequestValues in) {
            this(PathIds.authority(in));
        }
    }
}
