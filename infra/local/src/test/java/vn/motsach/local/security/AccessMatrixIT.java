package vn.motsach.local.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import vn.motsach.infra.security.AccessRules;
import vn.motsach.infra.security.Role;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;
import vn.motsach.testing.LibraryFixture;
import vn.motsach.testing.TestTokens;

/**
 * The access table, checked against the running application's own route list: every route has
 * a rule, and for every route, role and school (own or other) the answer is the one the rule
 * promises. A new endpoint without a rule fails here.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessMatrixIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}/]+)}");
    private static final String OWN = "th-own";
    private static final String OTHER = "th-other";
    private static final String OWN_AUTHORITY = "xa-own";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AccessRules rules;

    @Autowired
    Clock clock;

    static List<Route> routes;

    @BeforeAll
    static void clear() {
        routes = null;
    }

    @Test
    void everyRouteHasARule() {
        List<String> missing = routes().stream()
                .filter(route -> rules.ruleFor(route.method(), route.example(OWN, OWN_AUTHORITY)).isEmpty())
                .map(Route::toString)
                .toList();
        assertThat(missing).as("routes under /api/v1 without an access rule").isEmpty();
        assertThat(routes()).hasSizeGreaterThan(30);
    }

    @Test
    void everyRouteAnswersEachRoleAsItsRuleSays() {
        ApiClient api = new ApiClient(port);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            AccessRules.Rule rule = rules.ruleFor(route.method(), route.example(OWN, OWN_AUTHORITY)).orElseThrow();
            if (rule.kind() == AccessRules.Kind.OPEN) {
                continue;
            }
            expect(wrong, route, "no token", api.as(null), OWN, OWN_AUTHORITY, Outcome.UNAUTHENTICATED);
            for (Role role : List.of(Role.LIBRARIAN, Role.TEACHER, Role.SCHOOL_ADMIN)) {
                ApiClient caller = api.as(TestTokens.ofSchool("matrix-" + role.name().toLowerCase(), role.name(), OWN, "5a4"));
                Outcome own = switch (rule.kind()) {
                    case SCHOOL -> rule.roles().contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                    case AUTHORITY, AUTHORITY_BELOW -> Outcome.NOT_FOUND;
                    // let through to the handler, which answers a group's data to its members only
                    case MEMBERS -> rule.roles().contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                    default -> Outcome.FORBIDDEN;
                };
                expect(wrong, route, role + " of own school", caller, OWN, OWN_AUTHORITY, own);
                if (rule.kind() == AccessRules.Kind.SCHOOL) {
                    expect(wrong, route, role + " of another school", caller, OTHER, OWN_AUTHORITY, Outcome.NOT_FOUND);
                }
            }
            ApiClient authority = api.as(TestTokens.ofAuthority("matrix-authority", OWN_AUTHORITY));
            Outcome forAuthority = switch (rule.kind()) {
                case AUTHORITY -> Outcome.ALLOWED;
                // an authority's administrator sets up only authorities below their own, never their own
                case SCHOOL, AUTHORITY_BELOW -> Outcome.NOT_FOUND;
                case MEMBERS -> rule.roles().contains(Role.AUTHORITY_ADMIN) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
                default -> Outcome.FORBIDDEN;
            };
            expect(wrong, route, "authority admin", authority, OWN, OWN_AUTHORITY, forAuthority);
            if (rule.kind() == AccessRules.Kind.AUTHORITY) {
                expect(wrong, route, "authority admin of another authority", authority, OWN, "xa-other", Outcome.NOT_FOUND);
            }
            if (rule.kind() == AccessRules.Kind.AUTHORITY_BELOW) {
                // one the tree does not know yet: its place (below the caller's) is the handler's to check
                expect(wrong, route, "authority admin, new authority", authority, OWN, "xa-new", Outcome.ALLOWED);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * Every route a teacher may call is called by a teacher of 6A1 aimed at 8A1's data (8A1's
     * class, student, copy on loan, library period, reading event and target), and must fail
     * closed: a write is refused (403 or 404), a read is refused or answers without a trace of
     * 8A1 (its id, its student's id or name). The routes come from the rules table, so a new
     * route a teacher can reach fails here until the test knows how to aim it at 8A1.
     */
    @Test
    void everyRouteATeacherMayCallIsClosedToAnotherClass() {
        ApiClient admin = new ApiClient(port);
        LocalDate today = LocalDate.now(clock);
        String year = LibraryFixture.schoolYearHolding(today);
        String school = "thcs-rieng-tu";
        LibraryFixture fixture = LibraryFixture.lowerSecondaryThisYear(admin, school, "THCS Riêng Tư", "xa-rieng-tu", today);
        for (String classId : List.of("6a1", "8a1")) {
            fixture.expect(201, admin.put(fixture.base() + "/classes/" + classId, "{\"name\":\"%s\",\"grade\":%s,\"schoolYear\":\"%s\"}"
                    .formatted(classId.toUpperCase(Locale.ROOT), classId.substring(0, 1), year)));
        }
        String victim = "hs-tam";
        String victimName = "Đỗ Thị Tâm";
        fixture.patron("hs-minh", "Vũ Văn Minh", "STUDENT", "6a1");
        fixture.patron(victim, victimName, "STUDENT", "8a1");
        String titleId = fixture.title("Tuổi thơ dữ dội");
        fixture.copy("RT-1", titleId);
        String loanId = fixture.expect(201, fixture.checkOut("RT-1", victim)).text("loanId");
        String startedAt = LibraryFixture.sessionBegunToday(clock, Duration.ofMinutes(30));
        fixture.expect(201, admin.post(fixture.base() + "/reading-sessions",
                "{\"patronId\":\"" + victim + "\",\"startedAt\":\"" + startedAt + "\",\"minutes\":25,\"place\":\"LIBRARY\"}"));
        String periodId = fixture.expect(201, admin.post(fixture.base() + "/library-periods",
                "{\"classId\":\"8a1\",\"heldOn\":\"" + today + "\",\"activity\":\"BOOK_TALK\",\"attendeeIds\":[\"" + victim + "\"]}"))
                .text("periodId");
        String eventId = fixture.expect(201, admin.post(fixture.base() + "/reading-events",
                "{\"name\":\"Ngày hội đọc 8A1\",\"kind\":\"READING_DAY\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today
                        + "\",\"classIds\":[\"8a1\"]}")).text("eventId");
        fixture.expect(200, admin.post(fixture.base() + "/reading-events/" + eventId + "/participations",
                "{\"patronIds\":[\"" + victim + "\"]}"));
        long position = fixture.expect(201, admin.put(fixture.base() + "/reading-targets/t-8a1", "{\"metric\":\"ACTIVE_READER_RATE\","
                + "\"scope\":\"CLASS\",\"scopeId\":\"8a1\",\"period\":\"WEEK\",\"threshold\":0.5}")).eventPosition();

        // 8A1's own teacher sees it all, so a refusal below is the class rule, not missing data
        ApiClient ownTeacher = admin.as(TestTokens.ofSchool("co-lan", "TEACHER", school, "8a1"));
        assertThat(ownTeacher.get(fixture.base() + "/copies/RT-1", "X-Min-Event-Position", Long.toString(position)).body())
                .contains(victim);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            assertThat(ownTeacher.get(fixture.base() + "/library-periods/" + periodId).body()).contains(victim);
            assertThat(ownTeacher.get(fixture.base() + "/reading-events/" + eventId + "/evaluation").json()
                    .path("classes").path(0).path("participants").asInt()).isEqualTo(1);
            assertThat(ownTeacher.get(fixture.base() + "/reading-targets").body()).contains("t-8a1");
            assertThat(ownTeacher.get(fixture.base() + "/classes/8a1/reading-metrics?period=WEEK&on=" + today).body())
                    .contains(victim);
        });

        Map<String, String> samples = new HashMap<>(Map.of("schoolId", school, "classId", "8a1", "patronId", victim,
                "barcode", "RT-1", "titleId", titleId, "loanId", loanId, "periodId", periodId, "eventId", eventId,
                "targetId", "t-8a1"));
        samples.putAll(Map.of("category", "STUDENT", "schoolYear", year, "username", "co-lan"));
        Map<String, String> queries = Map.of(
                "GET /api/v1/schools/{schoolId}/classes/{classId}/reading-metrics", "?period=WEEK&on=" + today);
        Map<String, String> bodies = Map.of(
                "POST /api/v1/schools/{schoolId}/reading-sessions",
                "{\"patronId\":\"" + victim + "\",\"startedAt\":\"" + startedAt + "\",\"minutes\":10,\"place\":\"LIBRARY\"}",
                "POST /api/v1/schools/{schoolId}/library-periods",
                "{\"classId\":\"8a1\",\"heldOn\":\"" + today + "\",\"activity\":\"FREE_READING\",\"attendeeIds\":[\"" + victim + "\"]}",
                "POST /api/v1/schools/{schoolId}/reading-events",
                "{\"name\":\"Chen ngang\",\"kind\":\"BOOK_TALK\",\"startsOn\":\"" + today + "\",\"endsOn\":\"" + today
                        + "\",\"classIds\":[\"8a1\"]}",
                "POST /api/v1/schools/{schoolId}/reading-events/{eventId}/participations",
                "{\"patronIds\":[\"" + victim + "\"]}");

        ApiClient otherTeacher = admin.as(TestTokens.ofSchool("thay-hung", "TEACHER", school, "6a1"));
        List<String> open = new ArrayList<>();
        int tried = 0;
        for (Route route : routes()) {
            AccessRules.Rule rule = rules.ruleFor(route.method(), route.example(OWN, OWN_AUTHORITY)).orElseThrow();
            if (rule.kind() != AccessRules.Kind.SCHOOL || !rule.roles().contains(Role.TEACHER)) {
                continue;
            }
            tried++;
            String path = route.aimedAt(samples, open);
            if (path == null) {
                continue;
            }
            path += queries.getOrDefault(route.toString(), "");
            ApiClient.Answer answer;
            if (route.method().equals("GET")) {
                answer = otherTeacher.get(path);
                if (answer.status() / 100 == 2) {
                    String body = answer.body().toLowerCase(Locale.ROOT);
                    for (String trace : List.of("8a1", victim, victimName.toLowerCase(Locale.ROOT))) {
                        if (body.contains(trace)) {
                            open.add(route + " shows another class's " + trace + ": " + answer.body());
                        }
                    }
                }
            } else {
                String body = bodies.get(route.toString());
                if (body == null) {
                    open.add(route + ": a teacher may call it, and this test has no body aimed at another class for it");
                    continue;
                }
                answer = switch (route.method()) {
                    case "POST" -> otherTeacher.post(path, body);
                    case "PUT" -> otherTeacher.put(path, body);
                    case "DELETE" -> otherTeacher.delete(path);
                    default -> throw new IllegalStateException(route.method());
                };
                if (answer.status() != 403 && answer.status() != 404) {
                    open.add(route + " let another class's teacher write: " + answer.status() + " " + answer.body());
                }
            }
            if (answer.status() == 403 && !"NOT_YOUR_CLASS".equals(answer.text("code"))
                    || answer.status() == 404 && answer.body().toLowerCase(Locale.ROOT).contains(victim)) {
                open.add(route + " refused with an unexpected answer: " + answer.status() + " " + answer.body());
            }
        }
        assertThat(tried).as("routes a teacher may call").isGreaterThan(10);
        assertThat(open).isEmpty();
    }

    private static void expect(List<String> wrong, Route route, String who, ApiClient caller, String school, String authorityId,
            Outcome expected) {
        ApiClient.Answer answer = route.call(caller, school, authorityId);
        Outcome actual = Outcome.of(answer);
        if (actual != expected) {
            wrong.add(route + " as " + who + ": expected " + expected + ", got " + answer.status() + " " + answer.body());
        }
    }

    private List<Route> routes() {
        if (routes == null) {
            Set<Route> found = new TreeSet<>();
            mappings.getHandlerMethods().keySet().forEach(info -> {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                    if (pattern.startsWith("/api/v1/")) {
                        for (RequestMethod method : methods) {
                            found.add(new Route(method.name(), pattern));
                        }
                    }
                }
            });
            routes = List.copyOf(found);
        }
        return routes;
    }

    enum Outcome {
        UNAUTHENTICATED,
        FORBIDDEN,
        NOT_FOUND,
        ALLOWED;

        /** What the security layer said; anything it let through counts as allowed, whatever the endpoint then did. */
        static Outcome of(ApiClient.Answer answer) {
            String code = answer.body() == null || answer.body().isBlank() ? "" : answer.text("code");
            if (answer.status() == 401) {
                return UNAUTHENTICATED;
            }
            if (answer.status() == 403 && ("FORBIDDEN".equals(code) || "NOT_YOUR_CLASS".equals(code))) {
                return FORBIDDEN;
            }
            if (answer.status() == 404 && "NOT_FOUND".equals(code)) {
                return NOT_FOUND;
            }
            return ALLOWED;
        }
    }

    record Route(String method, String pattern) implements Comparable<Route> {

        private static final Map<String, String> SAMPLES = Map.of(
                "classId", "5a4", "patronId", "hs-an", "barcode", "B-1", "category", "STUDENT",
                "schoolYear", "2026-2027", "username", "someone", "targetId", "t-1");

        /** The path with every variable aimed at {@code samples}; {@code null}, and a line in {@code missing}, when one has no sample. */
        String aimedAt(Map<String, String> samples, List<String> missing) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String value = samples.get(matcher.group(1));
                if (value == null) {
                    missing.add(this + ": a teacher may call it, and this test has no sample of another class's {"
                            + matcher.group(1) + "}");
                    return null;
                }
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString();
        }

        String example(String school, String authority) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = switch (name) {
                    case "schoolId" -> school;
                    case "authorityId" -> authority;
                    default -> SAMPLES.getOrDefault(name, UUID.nameUUIDFromBytes(name.getBytes()).toString());
                };
                matcher.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(path);
            return path.toString().replace("/**", "/x");
        }

        ApiClient.Answer call(ApiClient caller, String school, String authority) {
            String path = example(school, authority);
            return switch (method) {
                case "GET" -> caller.get(path);
                case "POST" -> caller.post(path, "{}");
                case "PUT" -> caller.put(path, "{}");
                case "DELETE" -> caller.delete(path);
                default -> throw new IllegalStateException(method);
            };
        }

        @Override
        public int compareTo(Route other) {
            return (pattern + method).compareTo(other.pattern + other.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }
}
