package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.DocType;
import vn.motsach.events.EducationLevel;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.infra.web.Page;
import vn.motsach.query.web.Sql;

/**
 * The public catalogue (OPAC): what anyone, without a token, may read of a school's collection.
 * Its answers are records of their own, built field by field from the catalogue's views, so that
 * a field added to a staff view (a borrower, a due date) never reaches the public by accident:
 * no reader's data is ever part of them.
 */
@Tag(name = "public catalogue", description = "Tra cứu công khai (OPAC), không cần đăng nhập")
@RestController
class PublicCatalogueController {

    private final CatalogueSearch search;
    private final JdbcClient jdbc;

    PublicCatalogueController(CatalogueSearch search, JdbcClient jdbc) {
        this.search = search;
        this.jdbc = jdbc;
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Một trường, như tra cứu công khai hiển thị: tên và cấp học")
    @GetMapping("/api/v1/public/schools/{schoolId}")
    PublicSchool school(OfSchool asked) {
        return registered(asked.schoolId());
    }

    @Refusals(notFound = "SCHOOL_NOT_FOUND")
    @Operation(summary = "Tìm nhan đề trong thư viện của trường, không cần đăng nhập (không phân biệt hoa thường, dấu)")
    @GetMapping("/api/v1/public/schools/{schoolId}/titles")
    Page<PublicTitle> titles(CatalogueQueryController.TitleSearch asked) {
        registered(asked.schoolId());
        Page<TitleView> found = search.search(asked.schoolId(), asked.q(), asked.docType(), asked.paging());
        return new Page<>(found.items().stream().map(PublicTitle::of).toList(), found.page(), found.size(),
                found.totalItems());
    }

    @Refusals(notFound = "TITLE_NOT_FOUND")
    @Operation(summary = "Một nhan đề, không cần đăng nhập: nơi xếp giá và các bản đang có trên giá")
    @GetMapping("/api/v1/public/schools/{schoolId}/titles/{titleId}")
    PublicTitleDetail title(CatalogueQueryController.OneTitle asked) {
        return search.title(asked.schoolId(), asked.titleId()).map(PublicTitleDetail::of)
                .orElseThrow(() -> new Refused(RefusalCode.TITLE_NOT_FOUND, asked.titleId().toString()));
    }

    /** Only the school: what the public page of a school asks. */
    record OfSchool(String schoolId) implements CheckedRequest {

        OfSchool(RequestValues in) {
            this(PathIds.school(in));
        }
    }

    private PublicSchool registered(String school) {
        return jdbc.sql("select school_id, name, education_levels from qs_school where school_id = ?")
                .param(school)
                .query((rs, row) -> new PublicSchool(rs.getString("school_id"), rs.getString("name"),
                        Sql.strings(rs, "education_levels")))
                .optional()
                .orElseThrow(() -> new Refused(RefusalCode.SCHOOL_NOT_FOUND, school));
    }

    record PublicSchool(String schoolId, String name,
            @ArraySchema(schema = @Schema(implementation = EducationLevel.class)) List<String> educationLevels) {
    }

    /**
     * A title found in the public catalogue; {@code classification} is its call number, which
     * says on which shelf it stands.
     */
    record PublicTitle(UUID titleId, String title, List<String> authors, @Nullable String isbn, @Nullable String publisher,
            @Nullable Integer publishedYear, @Nullable String classification,
            @Schema(implementation = DocType.class) String docType, List<String> subjects, @Nullable String language,
            int availableCopies, int totalCopies) {

        static PublicTitle of(TitleView title) {
            return new PublicTitle(title.titleId(), title.title(), title.authors(), title.isbn(), title.publisher(),
                    title.publishedYear(), title.classification(), title.docType(), title.subjects(), title.language(),
                    title.availableCopies(), title.totalCopies());
        }
    }

    /** A title with the copies still in the collection and whether each is on the shelf. */
    record PublicTitleDetail(UUID titleId, String title, List<String> authors, @Nullable String isbn,
            @Nullable String publisher, @Nullable Integer publishedYear, @Nullable String classification,
            @Schema(implementation = DocType.class) String docType, List<String> subjects, @Nullable String language,
            int availableCopies, int totalCopies, List<PublicCopy> copies) {

        static PublicTitleDetail of(TitleDetailView title) {
            List<PublicCopy> copies = title.copies().stream()
                    // the collection as the public sees it: copies withdrawn or lost are gone from the shelves
                    .filter(copy -> !"WITHDRAWN".equals(copy.status()) && !"LOST".equals(copy.status()))
                    .map(copy -> new PublicCopy(copy.barcode(), copy.status(), copy.loanable()))
                    .toList();
            return new PublicTitleDetail(title.titleId(), title.title(), title.authors(), title.isbn(), title.publisher(),
                    title.publishedYear(), title.classification(), title.docType(), title.subjects(), title.language(),
                    title.availableCopies(), title.totalCopies(), copies);
        }
    }

    /** A copy: where it is ({@code status}), never who has it; a copy away at a liên thông partner says so. */
    record PublicCopy(String barcode,
            @Schema(allowableValues = {"AVAILABLE", "ON_LOAN", "ON_HOLD_SHELF", "IN_TRANSIT", "AT_PARTNER"}) String status,
            boolean loanable) {
    }
}
