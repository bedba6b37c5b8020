package vn.motsach.infra.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.RequestCheck;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortCommonRepeatedOrOverlongPasswordsAndTheUsername() {
        assertRefused("ngắn-quá", "weakPassword");
        assertRefused("Thu-Thu-Truong", "passwordIsUsername");
        assertRefused("ééééééééééé", "passwordOneCharacter");
        for (String common : new String[] {"matkhau123", "MatKhau2025", "1234567890", "qwertyuiop", "motsach2026", "anhyeuem123",
                "abc123abc123", "password123", "matkhau2000", "iloveyou2024", "1q2w3e4r5t"}) {
            assertRefused(common, "passwordCommon");
        }
        assertRefused("mật khẩu dài ".repeat(6), "passwordTooLong");
    }

    @Test
    void acceptsAPassphrase() {
        RequestCheck check = RequestCheck.of();
        policy.check(check, "thu-thu-truong", "Cây bút chì 2026 và quyển vở");
        check.orRefuse();
        RequestCheck exactly72 = RequestCheck.of();
        policy.check(exactly72, "thu-thu-truong", "ắ".repeat(23) + "abc");
        exactly72.orRefuse();
    }

    private void assertRefused(String password, String reason) {
        RequestCheck check = RequestCheck.of();
        policy.check(check, "thu-thu-truong", password);
        assertThatThrownBy(check::orRefuse).as(password).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.fieldProblems()).hasSize(1);
            assertThat(problem.fieldProblems().get(0).field()).isEqualTo("password");
            assertThat(problem.fieldProblems().get(0).messageKey()).isEqualTo(reason);
        });
    }
}
