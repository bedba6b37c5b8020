package vn.motsach.command;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static vn.motsach.infra.security.RouteRules.DESK;
import static vn.motsach.infra.security.RouteRules.ONLY_SCHOOL_ADMIN;
import static vn.motsach.infra.security.RouteRules.SCHOOL_STAFF;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.security.RouteRules;

/** Who may call the command side's routes: every change a school makes, and its audit trail. */
@Configuration(proxyBeanMethods = false)
class CommandAccessRules {

    @Bean
    RouteRules commandRoutes() {
        return RouteRules.builder()
                // school
                .school(PUT, "", ONLY_SCHOOL_ADMIN)
                // the tree of authorities: an authority's administrator sets up those below their own
                .authorityBelow(PUT, "")
                .school(PUT, "/school-years/{schoolYear}", ONLY_SCHOOL_ADMIN)
                .school(POST, "/school-years/{schoolYear}/rollover", ONLY_SCHOOL_ADMIN)
                .school(GET, "/school-years/{schoolYear}/rollover", DESK)
                .school(PUT, "/loan-policies/{category}", DESK)
                // patrons
                .school(PUT, "/classes/{classId}", DESK)
                .school(POST, "/classes/{classId}/closing", DESK)
                .school(PUT, "/patrons/{patronId}", DESK)
                .school(POST, "/patrons/{patronId}/class-moves", DESK)
                .school(POST, "/patrons/{patronId}/departures", DESK)
                // circulation
                .school(POST, "/titles", DESK)
                .school(PUT, "/titles/{titleId}", DESK)
                .school(POST, "/intakes", DESK)
                .school(POST, "/copies", DESK)
                .school(PUT, "/copies/{barcode}", DESK)
                .school(POST, "/copies/{barcode}/withdrawal", DESK)
                .school(POST, "/copies/{barcode}/loss", DESK)
                .school(POST, "/checkouts", DESK)
                .school(POST, "/checkins", DESK)
                .school(POST, "/loans/{loanId}/renewals", DESK)
                .school(POST, "/holds", DESK)
                .school(DELETE, "/holds/{holdId}", DESK)
                // the offline desk
                .school(POST, "/desk-sync", DESK)
                .school(GET, "/desk-exceptions", DESK)
                .school(POST, "/desk-exceptions/{exceptionId}/settlement", DESK)
                // reading
                .school(POST, "/reading-sessions", SCHOOL_STAFF)
                // the classes of these two are in the body: the controllers ask ClassScope
                .school(POST, "/library-periods", SCHOOL_STAFF)
                .school(POST, "/reading-events", SCHOOL_STAFF)
                .school(POST, "/reading-events/{eventId}/participations", SCHOOL_STAFF)
                .school(PUT, "/reading-targets/{targetId}", ONLY_SCHOOL_ADMIN)
                .school(DELETE, "/reading-targets/{targetId}", ONLY_SCHOOL_ADMIN)
                // imports
                .school(POST, "/imports", DESK)
                .school(GET, "/imports", DESK)
                .school(GET, "/imports/{importId}", DESK)
                .school(GET, "/imports/{importId}/report", DESK)
                .school(DELETE, "/imports/{importId}", DESK)
                .open(GET, "/api/v1/import-templates/{kind}.xlsx")
                // Circular 16: the school's administrator declares its library, an authority sets its numbers
                .school(PUT, "/library-profile/{schoolYear}", ONLY_SCHOOL_ADMIN)
                .authority(PUT, "/circular-16-thresholds/{schoolYear}")
                // stocktaking
                .school(POST, "/stocktakes", DESK)
                .school(POST, "/stocktakes/{stocktakeId}/scans", DESK)
                .school(POST, "/stocktakes/{stocktakeId}/closing", DESK)
                // liên thông: an authority's groups (the system's administrator passes every rule)
                .authority(PUT, "/interop-groups/{groupId}")
                .school(POST, "/interlibrary-loans", DESK)
                .school(POST, "/interlibrary-loans/{requestId}/shipment", DESK)
                .school(POST, "/interlibrary-loans/{requestId}/receipt", DESK)
                .school(POST, "/interlibrary-loans/{requestId}/return-shipment", DESK)
                .school(POST, "/rotations", DESK)
                .school(POST, "/rotations/{rotationId}/return", DESK)
                // audit
                .school(GET, "/audit", ONLY_SCHOOL_ADMIN)
                // operating the events topic (restores)
                .system(GET, "/api/v1/admin/event-topic")
                .system(POST, "/api/v1/admin/event-topic/republish")
                .build();
    }
}
