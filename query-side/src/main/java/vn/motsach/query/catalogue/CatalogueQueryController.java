package vn.motsach.query.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.DocType;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.query.web.PathIds;

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
    PageView<TitleView> titles(@PathVariable String schoolId, @RequestParam(required = false) String q,
            @RequestParam(required = false) DocType docType, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        String words = check.optionalText("q", q, MAX_QUERY_LENGTH);
        PageRequest paging = PageRequest.of(check, page, size);
        check.orRefuse();
        return search.search(school, words, docType, paging);
    }

    @Refusals(notFound = "TITLE_NOT_FOUND")
    @Operation(summary = "Một nhan đề với các bản sách và tình trạng từng bản")
    @GetMapping("/api/v1/schools/{schoolId}/titles/{titleId}")
    TitleDetailView title(@PathVariable String schoolId, @PathVariable String titleId) {
        RequestCheck check = RequestCheck.of();
        String school = PathIds.school(check, schoolId);
        UUID title = PathIds.uuid(check, "titleId", titleId);
        check.orRefuse();
        return search.title(school, title).orElseThrow(() -> new Refused(RefusalCode.TITLE_NOT_FOUND, titleId));
    }
}
