package vn.motsach.command.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.infra.apidocs.Refusals;

/** Operating the events topic: how far it has been published, and republishing it after a restore. */
@Tag(name = "admin", description = "Quản trị hệ thống")
@RestController
class EventTopicAdminController {

    private final EventTopicRepublishing republishing;

    EventTopicAdminController(EventTopicRepublishing republishing) {
        this.republishing = republishing;
    }

    @Operation(summary = "Chủ đề sự kiện trên Kafka: vị trí đã gửi so với kho sự kiện")
    @GetMapping("/api/v1/admin/event-topic")
    EventTopicView eventTopic() {
        return republishing.view();
    }

    @Refusals(conflict = "EVENT_PUBLISHER_ELSEWHERE")
    @Operation(summary = "Gửi lại toàn bộ kho sự kiện lên Kafka (sau khi khôi phục vào broker trống)")
    @PostMapping("/api/v1/admin/event-topic/republish")
    @ResponseStatus(HttpStatus.ACCEPTED)
    EventTopicView republish() {
        return republishing.republish();
    }
}
