package vn.motsach.infra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.support.DefaultDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

class CheckedRequestsTest {

    enum Status {
        OPEN,
        ALL
    }

    /** What a list of things of a school asks for. */
    record ThingsQuery(String schoolId, UUID thingId, Status status, Integer page, DayRange days) implements CheckedRequest {

        ThingsQuery(RequestValues in) {
            this(in.check().text("schoolId", in.value("schoolId"), 20),
                    in.check().converted("thingId", in.value("thingId"), UUID::fromString),
                    in.optional("status", Status.class), in.optional("page", Integer.class), DayRange.of(in));
        }
    }

    @SuppressWarnings("unused")
    private void handler(ThingsQuery query) {
    }

    /** A request with a body: the school in the path, a named thing and its day (not after today) in the body. */
    record NewThing(String schoolId, String name, LocalDate on, ThingBody body) implements CheckedRequest {

        NewThing(RequestValues in, ThingBody body) {
            this(in.check().text("schoolId", in.value("schoolId"), 20), in.check().text("name", body.name(), 5),
                    notAfterToday(in, body.on()), body);
        }

        private static LocalDate notAfterToday(RequestValues in, LocalDate on) {
            if (on != null && on.isAfter(in.today())) {
                in.check().problem("on", "inFuture");
                return null;
            }
            return on;
        }
    }

    record ThingBody(String name, LocalDate on) {
    }

    @SuppressWarnings("unused")
    private void creating(NewThing thing) {
    }

    private final CheckedRequests resolver = new CheckedRequests(
            () -> List.of(new JacksonJsonHttpMessageConverter(RequestJson.strict(JsonMapper.builder().build()))),
            () -> Clock.fixed(Instant.parse("2026-09-07T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsTheBodyStrictlyAndChecksItWithThePath() throws Exception {
        MockHttpServletRequest request = request(Map.of("schoolId", "th-1"));
        request.setMethod("POST");
        request.setContentType("application/json");
        request.setContent("{\"name\":\"Sách\",\"on\":\"2026-09-07\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(resolveBody(request)).isEqualTo(new NewThing("th-1", "Sách", LocalDate.of(2026, 9, 7),
                new ThingBody("Sách", LocalDate.of(2026, 9, 7))));

        request.setContent("{\"name\":\"Quá dài\",\"on\":\"2026-09-08\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolveBody(request)).isInstanceOfSatisfying(ApiProblem.class, problem ->
                assertThat(problem.fieldProblems()).extracting(ApiProblem.FieldProblem::field, ApiProblem.FieldProblem::messageKey)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "tooLong"),
                                org.assertj.core.groups.Tuple.tuple("on", "inFuture")));

        request.setContent("{\"name\":1}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> resolveBody(request)).isInstanceOf(HttpMessageNotReadableException.class);
        request.setContent(new byte[0]);
        assertThatThrownBy(() -> resolveBody(request)).isInstanceOf(HttpMessageNotReadableException.class);
    }

    @Test
    void aRecordWithABodyDocumentsItsBodyAndWhatItReadsBesides() {
        assertThat(CheckedRequests.bodyOf(NewThing.class)).isEqualTo(ThingBody.class);
        assertThat(CheckedRequests.bodyOf(ThingsQuery.class)).isNull();
        assertThat(CheckedRequests.parametersOf(NewThing.class)).containsOnlyKeys("schoolId");
    }

    private NewThing resolveBody(MockHttpServletRequest request) throws Exception {
        MethodParameter parameter = new MethodParameter(getClass().getDeclaredMethod("creating", NewThing.class), 0);
        return (NewThing) resolver.resolveArgument(parameter, null, new ServletWebRequest(request), new DefaultDataBinderFactory(null));
    }

    @Test
    void readsPathVariablesBeforeQueryParametersAndConvertsAsSpringDoes() throws Exception {
        MockHttpServletRequest request = request(Map.of("schoolId", "th-1"));
        request.addParameter("schoolId", "not-this-one");
        request.addParameter("thingId", "0a8b6d2e-3f4c-4e5d-8a9b-1c2d3e4f5a6b");
        request.addParameter("status", "OPEN");
        request.addParameter("page", "2");
        request.addParameter("from", "2026-09-05");

        ThingsQuery query = resolve(request);

        assertThat(query).isEqualTo(new ThingsQuery("th-1", UUID.fromString("0a8b6d2e-3f4c-4e5d-8a9b-1c2d3e4f5a6b"),
                Status.OPEN, 2, new DayRange(LocalDate.of(2026, 9, 5), null)));
    }

    @Test
    void refusesNamingEveryFaultyFieldInTheOrderTheRecordReadsThem() {
        MockHttpServletRequest request = request(Map.of());
        request.addParameter("thingId", "x");
        request.addParameter("status", "SOME");
        request.addParameter("page", "one");
        request.addParameter("from", "2026-09-05");
        request.addParameter("to", "2026-09-01");

        assertThatThrownBy(() -> resolve(request)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(problem.fieldProblems()).extracting(ApiProblem.FieldProblem::field, ApiProblem.FieldProblem::messageKey)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("schoolId", "required"),
                            org.assertj.core.groups.Tuple.tuple("thingId", "invalid"),
                            org.assertj.core.groups.Tuple.tuple("status", "oneOf"),
                            org.assertj.core.groups.Tuple.tuple("page", "invalid"),
                            org.assertj.core.groups.Tuple.tuple("to", "notBefore"));
        });
    }

    @Test
    void anEmptyTypedValueIsAbsentAsForARequestParameter() throws Exception {
        MockHttpServletRequest request = request(Map.of("schoolId", "th-1"));
        request.addParameter("status", "");

        assertThat(resolve(request).status()).isNull();
    }

    @Test
    void theDocumentLearnsTheNamesARecordReadsAndTheirTypes() {
        assertThat(CheckedRequests.parametersOf(ThingsQuery.class)).containsExactly(
                Map.entry("schoolId", String.class), Map.entry("thingId", String.class), Map.entry("status", Status.class),
                Map.entry("page", Integer.class), Map.entry("from", String.class), Map.entry("to", String.class));
    }

    private static MockHttpServletRequest request(Map<String, String> pathVariables) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/things");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, pathVariables);
        return request;
    }

    private ThingsQuery resolve(MockHttpServletRequest request) throws Exception {
        MethodParameter parameter = new MethodParameter(
                CheckedRequestsTest.class.getDeclaredMethod("handler", ThingsQuery.class), 0);
        assertThat(resolver.supportsParameter(parameter)).isTrue();
        return (ThingsQuery) resolver.resolveArgument(parameter, null, new ServletWebRequest(request),
                new DefaultDataBinderFactory(null));
    }
}
