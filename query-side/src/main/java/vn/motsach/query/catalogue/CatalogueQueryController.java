package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.DocType;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;

@Tag(name = "catalogue", description = "Biên mục: nhan đề và bản sách")
@RestController
class CatalogueQueryController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final CatalogueSearch search;

    CatalogueQueryController(CatalogueSearch search) {
        this.search = search;
    }

    @Operation(summary = "Tìm nhan đề trong thư mục của trường (không phân biệt hoa thường, dấu)")
    @GetMapping("/api/v1/schools/{schoolId}/titles")
    PageView<TitleView> titles(TitleSearch asked) {
        return search.search(asked.schoolId(), asked.q(), asked.docType(), asked.paging());
    }

    @Refusals(notFound = "TITLE_NOT_FOUND")
    @Operation(summary = "Một nhan đề với các bản sách và tình trạng từng bản")
    @GetMapping("/api/v1/schools/{schoolId}/titles/{titleId}")
    TitleDetailView title(OneTitle asked) {
        return search.title(asked.schoolId(), asked.titleId())
                .orElseThrow(() -> new Refused(RefusalCode.TITLE_NOT_FOUND, asked.titleId().toString()));
    }

    /** {@code q}: the words searched for, trimmed and NFC-normalised. */
    record TitleSearch(String schoolId, String q, DocType docType, PageRequest paging) implements CheckedRequest {

        TitleSearch(RequestValues in) {
            this(PathIds.school(in), in.check().optionalText("q", in.value("q"), MAX_QUERY_LENGTH),
                    in.optional("docType", DocType.class), PageRequest.of(in));
        }
    }

    record OneTitle(String schoolId, UUID titleId) implements CheckedRequest {

        OneTitle(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "titleId"));
        }
    }
}
