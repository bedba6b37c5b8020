package vn.motsach.query.loans;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.motsach.query.QueryWebSlice;
import vn.motsach.query.web.PageRequest;
import vn.motsach.query.web.PageView;
import vn.motsach.testing.TestTokens;

/** The loans' routes: typed parameters (a boolean, an enum) converted as Spring converts them, or named in the refusal. */
@QueryWebSlice(LoanQueryController.class)
class LoanQueryHttpTest {

    private static final String SCHOOL = "th-hong";

    @Autowired
    MockMvc http;

    @MockitoBean
    Loans loans;

    @MockitoBean
    JdbcClient jdbc;

    @Test
    void openLoansTakeOverdueAndClassFromTheQuery() throws Exception {
        when(loans.open(eq(SCHOOL), eq(true), eq("6a1"), any(), eq(new PageRequest(0, 20))))
                .thenReturn(new PageView<>(List.of(), 0, 20, 0));

        http.perform(desk(get("/api/v1/schools/{schoolId}/loans", SCHOOL).param("overdue", "true").param("classId", "6a1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0));

        verify(loans).open(eq(SCHOOL), eq(true), eq("6a1"), any(), eq(new PageRequest(0, 20)));
    }

    @Test
    void aPatronsOpenLoansAreAskedByStatus() throws Exception {
        when(loans.anyOf(SCHOOL, "hs-001")).thenReturn(true);
        when(loans.historyOf(eq(SCHOOL), eq("hs-001"), eq(true), any(), eq(new PageRequest(2, 10))))
                .thenReturn(new PageView<>(List.of(), 2, 10, 0));

        http.perform(desk(get("/api/v1/schools/{schoolId}/patrons/{patronId}/loans", SCHOOL, "hs-001")
                        .param("status", "OPEN").param("page", "2").param("size", "10")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2));
    }

    @Test
    void faultyValuesOfEveryKindAreRefusedTogether() throws Exception {
        http.perform(desk(get("/api/v1/schools/{schoolId}/patrons/{patronId}/loans", SCHOOL, "hs 001")
                        .param("status", "SOME").param("size", "201")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("patronId", "status", "size")))
                .andExpect(jsonPath("$.errors[2].message").value("Phải từ 1 đến 200."));
        http.perform(desk(get("/api/v1/schools/{schoolId}/loans", SCHOOL).param("overdue", "maybe")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overdue"))
                .andExpect(jsonPath("$.errors[0].message").value("Giá trị không hợp lệ: maybe."));
        http.perform(desk(get("/api/v1/schools/{schoolId}/loans/{loanId}", SCHOOL, "not-a-uuid")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("loanId"));

        verifyNoInteractions(loans, jdbc);
    }

    private static MockHttpServletRequestBuilder desk(MockHttpServletRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.ofSchool("thu-thu", "LIBRARIAN", SCHOOL));
    }
}
