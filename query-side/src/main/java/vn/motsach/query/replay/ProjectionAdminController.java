package vn.motsach.query.replay;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.query.positions.ProjectionPositions;

/**
 * Operating the projections: where each stands, and rebuilding one or all of them from the
 * event store while queries keep being answered from the live tables.
 */
@RestController
class ProjectionAdminController {

    private final ProjectionRebuild rebuild;
    private final ProjectionPositions positions;

    ProjectionAdminController(ProjectionRebuild rebuild, ProjectionPositions positions) {
        this.rebuild = rebuild;
        this.positions = positions;
    }

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

    @PostMapping("/api/v1/admin/projections/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus rebuildAll() {
        return rebuild.start(List.of());
    }

    @PostMapping("/api/v1/admin/projections/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    RebuildStatus rebuildOne(@PathVariable String name) {
        return rebuild.start(List.of(name));
    }

    @GetMapping("/api/v1/admin/projections/rebuild")
    RebuildStatus rebuildStatus() {
        return rebuild.status();
    }
}
