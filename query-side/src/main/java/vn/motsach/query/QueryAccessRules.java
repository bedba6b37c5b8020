package vn.motsach.query;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static vn.motsach.infra.security.RouteRules.DESK;
import static vn.motsach.infra.security.RouteRules.SCHOOL_STAFF;
import static vn.motsach.infra.security.RouteRules.STAFF_AND_AUTHORITIES;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.motsach.infra.security.RouteRules;

/** Who may call the query side's routes: the lists and details a school reads, and the projections' administration. */
@Configuration(proxyBeanMethods = false)
class QueryAccessRules {

    @Bean
    RouteRules queryRoutes() {
        return RouteRules.builder()
                // schools and their set-up
                .school(GET, "", SCHOOL_STAFF)
                .school(GET, "/school-years", SCHOOL_STAFF)
                .school(GET, "/school-years/{schoolYear}", SCHOOL_STAFF)
                .school(GET, "/loan-policies", SCHOOL_STAFF)
                .school(GET, "/loan-policies/{category}", SCHOOL_STAFF)
                .authority(GET, "/schools")
                .system(GET, "/api/v1/schools")
                .system(GET, "/api/v1/authorities")
                // classes: a teacher sees their own classes in the list, the controller asks CurrentCaller
                .school(GET, "/classes", SCHOOL_STAFF)
                .schoolClass(GET, "/classes/{classId}")
                // patrons: a teacher lists their own classes' patrons only, the controller asks CurrentCaller
                .school(GET, "/patrons", SCHOOL_STAFF)
                .school(GET, "/patrons/{patronId}", DESK)
                .school(GET, "/patrons/{patronId}/loans", DESK)
                // catalogue, copies, loans and holds
                .school(GET, "/titles", SCHOOL_STAFF)
                .school(GET, "/titles/{titleId}", SCHOOL_STAFF)
                .school(GET, "/copies", SCHOOL_STAFF)
                .school(GET, "/catalogue/export", DESK)
                .school(GET, "/copies/{barcode}", SCHOOL_STAFF)
                .school(GET, "/intakes", DESK)
                .school(GET, "/loans", DESK)
                .school(GET, "/loans/{loanId}", DESK)
                // the graduating grades' students who still hold books (the rollover page's follow-up)
                .school(GET, "/school-years/{schoolYear}/graduates/open-loans", DESK)
                .school(GET, "/holds", DESK)
                .school(GET, "/holds/{holdId}", DESK)
                // reading: a teacher lists their own classes' periods, events and students' sessions, the controller asks CurrentCaller
                .school(GET, "/library-periods", SCHOOL_STAFF)
                .school(GET, "/reading-events", SCHOOL_STAFF)
                .school(GET, "/patrons/{patronId}/reading-sessions", SCHOOL_STAFF)
                // the public catalogue (OPAC): anyone, no token, no reader's data
                .open(GET, "/api/v1/public/schools/{schoolId}")
                .open(GET, "/api/v1/public/schools/{schoolId}/titles")
                .open(GET, "/api/v1/public/schools/{schoolId}/titles/{titleId}")
                // documents
                .school(GET, "/labels", DESK)
                // Circular 16: the school's evaluation for its desk, an authority's report for its administrators
                .school(GET, "/circular-16/{schoolYear}", DESK)
                .school(GET, "/circular-16/{schoolYear}/self-assessment", DESK)
                .authority(GET, "/circular-16/{schoolYear}")
                .school(GET, "/registers/individual", DESK)
                .school(GET, "/registers/general", DESK)
                .school(GET, "/statistics", DESK)
                .school(GET, "/reports/semester", DESK)
                // stocktaking
                .school(GET, "/stocktakes", DESK)
                .school(GET, "/stocktakes/{stocktakeId}", DESK)
                // liên thông: a group's members and its authority; the controller answers 404 to anyone else
                .members(GET, "/api/v1/interop-groups/{groupId}", STAFF_AND_AUTHORITIES)
                .members(GET, "/api/v1/interop-groups/{groupId}/titles", STAFF_AND_AUTHORITIES)
                .school(GET, "/interop-groups", SCHOOL_STAFF)
                .authority(GET, "/interop-groups")
                .authority(GET, "/interop-groups/{groupId}/figures")
                .school(GET, "/interlibrary-loans", DESK)
                .school(GET, "/rotations", DESK)
                // the projections' rebuild and dead letters
                .system(GET, "/api/v1/admin/projections/**")
                .system(POST, "/api/v1/admin/projections/**")
                .build();
    }
}
