package vn.motsach.query.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.query.positions.ProjectionPositions;

/**
 * Operating the projections: where each stands, and rebuilding one or all of them from the
 * event store while queries keep being answered from the live tables.
 */
@Tag(name = "admin", description = "Quản trị hệ thống")
@RestController
class ProjectionAdminController {

    private final ProjectionRebuild rebuild;
    private final ProjectionPositions positions;

    ProjectionAdminController(ProjectionRebuild rebuild, ProjectionPositions positions) {
        this.rebuild = rebuild;
        this.positions = positions;
    }

    @Operation(summary = "Các bảng đọc (projection): vị trí đã cập nhật và độ trễ")
    @GetMapping("/api/v1/admin/projections")
    ProjectionsView projections() {
        long head = positions.head();
        Map<String, Long> reached = positions.positions();
        List<ProjectionsView.ProjectionView> items = rebuild.names().stream()
                .map(name -> {
                    long position = reached.getOrDefault(name, 0L);
                    return new ProjectionsView.ProjectionView(name, rebuild.tablesOf(name), position, Math.max(0, head - position));
                })
                .toList();
        return new ProjectionsView(items, head, rebuild.status());
    }

    @Refusals(conflict = "PROJECTION_REBUILD_RUNNING")
    @Operation(summary = "Dựng lại mọi bảng đọc từ kho sự kiện")
    @PostMapping("/api/v1/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus rebuildAll() {
        return rebuild.start(List.of());
    }

    @Refusals(notFound = "PROJECTION_NOT_FOUND", conflict = "PROJECTION_REBUILD_RUNNING")
    @Operation(summary = "Dựng lại một bảng đọc từ kho sự kiện")
    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus rebuildOne(@PathVariable String name) {
        return rebuild.start(List.of(name));
    }

    @Operation(summary = "Tiến độ lần dựng lại bảng đọc gần nhất")
    @GetMapping("/api/v1/admin/projections/rebuild")
    RebuildStatus rebuildStatus() {
        return rebuild.status();
    }
}
