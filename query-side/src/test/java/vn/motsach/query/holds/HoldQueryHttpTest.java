package vn.motsach.query.holds;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.query.QueryWebSlice;
import vn.motsach.testing.TestTokens;

/** The holds' routes: their parameters reach {@link Holds} checked, or the request is refused naming every field. */
@QueryWebSlice(HoldQueryController.class)
class HoldQueryHttpTest {

    private static final String SCHOOL = "th-hong";
    private static final UUID TITLE = UUID.fromString("0a8b6d2e-3f4c-4e5d-8a9b-1c2d3e4f5a6b");
    private static final UUID HOLD = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Autowired
    MockMvc http;

    @MockitoBean
    Holds holds;

    @Test
    void aListBindsItsPathAndQueryIntoOneCheckedRequest() throws Exception {
        HoldView hold = new HoldView(HOLD, TITLE, null, "hs-001", null, 1, "WAITING", Instant.parse("2026-09-07T01:00:00Z"), null, null, null);
        when(holds.find(SCHOOL, TITLE, "hs-001", "ACTIVE", new Paging(1, 5)))
                .thenReturn(new Page<>(List.of(hold), 1, 5, 6));

        http.perform(desk(get("/api/v1/schools/{schoolId}/holds", SCHOOL)
                        .param("titleId", TITLE.toString()).param("patronId", "hs-001").param("status", "ACTIVE")
                        .param("page", "1").param("size", "5")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.items[0].holdId").value(HOLD.toString()))
                .andExpect(jsonPath("$.items[0].position").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(5))
                .andExpect(jsonPath("$.totalItems").value(6));
    }

    @Test
    void absentParametersAreTheContractsDefaults() throws Exception {
        when(holds.find(SCHOOL, null, null, null, new Paging(0, 20))).thenReturn(new Page<>(List.of(), 0, 20, 0));

        http.perform(desk(get("/api/v1/schools/{schoolId}/holds", SCHOOL).param("status", "")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isEmpty());

        verify(holds).find(SCHOOL, null, null, null, new Paging(0, 20));
    }

    @Test
    void everyFaultyParameterIsNamedInOneProblemInTheOrderOfTheRequest() throws Exception {
        http.perform(desk(get("/api/v1/schools/{schoolId}/holds", SCHOOL)
                        .param("titleId", "x").param("patronId", "hs 001").param("status", "SOME").param("page", "-1")
                        .param("size", "many")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://motsach.vn/problems/validation-failed"))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.title").value("Dữ liệu không hợp lệ"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("titleId", "patronId", "status",
                        "size", "page")))
                .andExpect(jsonPath("$.errors[0].message").value("Giá trị không hợp lệ: x."))
                .andExpect(jsonPath("$.errors[2].message").value("Không có giá trị \"SOME\": phải là một trong các giá trị WAITING, READY, FULFILLED, CANCELLED, EXPIRED, ACTIVE."))
                .andExpect(jsonPath("$.errors[4].message").value("Không được nhỏ hơn 0."));

        verifyNoInteractions(holds);
    }

    @Test
    void theProblemSpeaksEnglishWhenAsked() throws Exception {
        http.perform(desk(get("/api/v1/schools/{schoolId}/holds/{holdId}", SCHOOL, "not-a-uuid"))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[0].field").value("holdId"))
                .andExpect(jsonPath("$.errors[0].message").value("Invalid value: not-a-uuid."));
    }

    @Test
    void aHoldThatIsNotThereIsItsOwnNotFound() throws Exception {
        when(holds.one(anyString(), any())).thenReturn(Optional.empty());

        http.perform(desk(get("/api/v1/schools/{schoolId}/holds/{holdId}", SCHOOL, HOLD.toString().toUpperCase())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("HOLD_NOT_FOUND"))
                .andExpect(jsonPath("$.instance").value("/api/v1/schools/th-hong/holds/" + HOLD.toString().toUpperCase()));

        verify(holds).one(SCHOOL, HOLD);
    }

    @Test
    void theRouteIsClosedWithoutATokenAndHiddenFromAnotherSchoolsDesk() throws Exception {
        http.perform(get("/api/v1/schools/{schoolId}/holds", SCHOOL))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        http.perform(get("/api/v1/schools/{schoolId}/holds", SCHOOL)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", "th-other")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        http.perform(get("/api/v1/schools/{schoolId}/holds", SCHOOL)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("co-lan", "TEACHER", SCHOOL, "6a1")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));

        verifyNoInteractions(holds);
    }

    private static MockHttpServletRequestBuilder desk(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", SCHOOL));
    }
}
