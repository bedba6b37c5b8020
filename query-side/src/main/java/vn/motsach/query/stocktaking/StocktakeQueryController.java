package vn.motsach.query.stocktaking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.RefusalCode;
import vn.motsach.events.Refused;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestValues;
import vn.motsach.query.web.ListView;
import vn.motsach.query.web.Sql;

/** Stocktakes and their findings: expected, scanned, on loan, missing, unexpected. */
@Tag(name = "stocktaking", description = "Kiểm kê kho sách")
@RestController
class StocktakeQueryController {

    private final JdbcClient jdbc;
    private final StocktakeFindings findings;
    private final Clock clock;

    StocktakeQueryController(JdbcClient jdbc, StocktakeFindings findings, Clock clock) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.clock = clock;
    }

    @Operation(summary = "Các đợt kiểm kê của trường, mới nhất trước")
    @GetMapping("/api/v1/schools/{schoolId}/stocktakes")
    ListView<StocktakeSummaryView> stocktakes(SchoolStocktakes asked) {
        String school = asked.schoolId();
        return new ListView<>(jdbc.sql("""
                        select s.stocktake_id, s.name, s.started_at, s.closed_at,
                               (select count(*) from qs_stocktake_scan c
                                where c.school_id = s.school_id and c.stocktake_id = s.stocktake_id and c.known) as scanned
                        from qs_stocktake s where s.school_id = :school order by s.started_at desc, s.stocktake_id""")
                .param("school", school)
                .query((rs, row) -> new StocktakeSummaryView(Sql.uuid(rs, "stocktake_id"), rs.getString("name"),
                        rs.getTimestamp("closed_at") == null ? "OPEN" : "CLOSED", Sql.instant(rs, "started_at"),
                        Sql.instant(rs, "closed_at"), rs.getInt("scanned")))
                .list());
    }

    @Refusals(notFound = "STOCKTAKE_NOT_FOUND")
    @Operation(summary = "Kết quả một đợt kiểm kê: số bản cần có, đã quét, đang cho mượn, thiếu, ngoài dự kiến")
    @GetMapping("/api/v1/schools/{schoolId}/stocktakes/{stocktakeId}")
    StocktakeView stocktake(OneStocktake asked) {
        return findings.judge(asked.schoolId(), asked.stocktakeId(), clock.instant())
                .orElseThrow(() -> new Refused(RefusalCode.STOCKTAKE_NOT_FOUND, asked.stocktakeId()));
    }

    record SchoolStocktakes(String schoolId) implements CheckedRequest {

        SchoolStocktakes(RequestValues in) {
            this(PathIds.school(in));
        }
    }

    record OneStocktake(String schoolId, UUID stocktakeId) implements CheckedRequest {

        OneStocktake(RequestValues in) {
            this(PathIds.school(in), PathIds.uuid(in, "stocktakeId"));
        }
    }
}
