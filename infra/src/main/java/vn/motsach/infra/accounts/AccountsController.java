package vn.motsach.infra.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.motsach.events.LocalId;
import vn.motsach.events.SchoolId;
import vn.motsach.infra.apidocs.Refusals;
import vn.motsach.infra.security.AccessTokens;
import vn.motsach.infra.security.Caller;
import vn.motsach.infra.security.CurrentCaller;
import vn.motsach.infra.security.Role;
import vn.motsach.infra.web.ApiProblem;
import vn.motsach.infra.web.CheckedRequest;
import vn.motsach.infra.web.Page;
import vn.motsach.infra.web.Paging;
import vn.motsach.infra.web.PathIds;
import vn.motsach.infra.web.RequestCheck;
import vn.motsach.infra.web.RequestValues;

/** Sign-in, and accounts managed by system administrators and by each school's administrators. */
@Tag(name = "accounts", description = "Tài khoản và đăng nhập")
@RestController
class AccountsController {

    static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Set<Role> SCHOOL_ROLES = EnumSet.of(Role.LIBRARIAN, Role.TEACHER, Role.SCHOOL_ADMIN);

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final ClientAddress clientAddress;
    private final Clock clock;
    private final SignInSessions sessions;
    private final SignInSessionController sessionCookies;
    /** Compared against when the account does not exist, so that a wrong name takes as long as a wrong password. */
    private final String decoyHash;

    AccountsController(AccountStore accounts, PasswordEncoder passwords, PasswordPolicy policy, AccessTokens tokens,
            LoginThrottle throttle, ClientAddress clientAddress, Clock clock, SignInSessions sessions,
            SignInSessionController sessionCookies) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.policy = policy;
        this.tokens = tokens;
        this.throttle = throttle;
        this.clientAddress = clientAddress;
        this.clock = clock;
        this.sessions = sessions;
        this.sessionCookies = sessionCookies;
        this.decoyHash = passwords.encode("not a password of anyone's");
    }

    @Refusals(unauthorized = "INVALID_CREDENTIALS", tooManyRequests = "TOO_MANY_ATTEMPTS")
    @Operation(summary = "Đăng nhập: đổi tên và mật khẩu lấy mã truy cập (JWT)")
    @PostMapping("/api/v1/auth/token")
    ResponseEntity<TokenBody> token(SigningIn signIn, HttpServletRequest request) {
        String username = signIn.username();
        String password = signIn.password();
        String address = clientAddress.of(request);
        // refusals for waiting are not audited: one row each would let anyone fill the table at request speed
        long wait = throttle.attempt(username, address);
        if (wait > 0) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_ATTEMPTS", wait).retryingAfter(wait);
        }
        Optional<Account> account = accounts.find(username);
        boolean matches = passwords.matches(password, account.map(Account::passwordHash).orElse(decoyHash));
        AccountAudit.Refusal refusal = account.isEmpty() ? AccountAudit.Refusal.UNKNOWN_ACCOUNT
                : !matches ? AccountAudit.Refusal.WRONG_PASSWORD
                : !account.get().enabled() ? AccountAudit.Refusal.ACCOUNT_DISABLED
                : null;
        String schoolId = account.map(Account::schoolId).orElse(null);
        if (refusal != null) {
            throttle.failed(username, address);
            // a name no account can have is nobody's to audit, and may hold what a column cannot
            if (USERNAME.matcher(username).matches()) {
                accounts.audit(username, username, schoolId, AccountAudit.refused(refusal, address));
            }
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "INVALID_CREDENTIALS");
        }
        throttle.succeeded(username, address);
        accounts.audit(username, username, schoolId, AccountAudit.signedIn(address));
        if (signIn.refreshCookie()) {
            return sessionCookies.signedIn(account.get(), sessions.start(account.get()), request);
        }
        AccessTokens.Issued issued = tokens.issue(account.get().caller(), account.get().tokenVersion());
        return ResponseEntity.ok(new TokenBody(issued.token(), "Bearer",
                Duration.between(clock.instant(), issued.expiresAt()).toSeconds(), issued.expiresAt().toString()));
    }

    @Operation(summary = "Mọi tài khoản, hoặc các tài khoản của một trường")
    @GetMapping("/api/v1/accounts")
    Page<AccountBody> all(AccountList asked) {
        return bodies(accounts.page(asked.schoolId(), asked.paging()));
    }

    @ApiResponse(responseCode = "201", description = "Đã tạo tài khoản", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã sửa tài khoản", useReturnTypeSchema = true)
    @Operation(summary = "Tạo hoặc sửa một tài khoản (vai trò, trường, cơ quan, lớp, mật khẩu)")
    @PutMapping("/api/v1/accounts/{username}")
    ResponseEntity<AccountBody> put(@PathVariable String username, @RequestBody AccountRequest request) {
        Account existing = accounts.find(username).orElse(null);
        return save(request.toAccount(username, null, existing, EnumSet.allOf(Role.class), passwords, policy));
    }

    @Operation(summary = "Các tài khoản của trường")
    @GetMapping("/api/v1/schools/{schoolId}/accounts")
    Page<AccountBody> ofSchool(SchoolAccountList asked) {
        return bodies(accounts.page(asked.schoolId(), asked.paging()));
    }

    /** A school's administrators manage their own school's accounts, and only with school roles. */
    @ApiResponse(responseCode = "201", description = "Đã tạo tài khoản", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Đã sửa tài khoản", useReturnTypeSchema = true)
    @Refusals(notFound = "ACCOUNT_NOT_FOUND")
    @Operation(summary = "Tạo hoặc sửa một tài khoản của trường (chỉ vai trò của trường)")
    @PutMapping("/api/v1/schools/{schoolId}/accounts/{username}")
    ResponseEntity<AccountBody> putForSchool(@PathVariable String schoolId, @PathVariable String username,
            @RequestBody AccountRequest request) {
        Account existing = accounts.find(username).orElse(null);
        if (existing != null && (!schoolId.equals(existing.schoolId()) || !SCHOOL_ROLES.containsAll(existing.roles()))) {
            throw ApiProblem.notFound("ACCOUNT_NOT_FOUND", username);
        }
        return save(request.toAccount(username, schoolId, existing, SCHOOL_ROLES, passwords, policy));
    }

    private static Page<AccountBody> bodies(Page<Account> page) {
        return new Page<>(page.items().stream().map(AccountBody::of).toList(), page.page(), page.size(), page.totalItems());
    }

    private ResponseEntity<AccountBody> save(Account account) {
        boolean created = accounts.save(account, CurrentCaller.get().map(Caller::username).orElse("system"));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(AccountBody.of(account));
    }

    /** At sign-in too: BCrypt reads no further, so a longer password would be cut without the user knowing. */
    private static void checkPasswordLength(RequestCheck check, String password) {
        if (password != null && password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > PasswordPolicy.MAXIMUM_BYTES) {
            check.problem("password", "passwordTooLong", PasswordPolicy.MAXIMUM_BYTES);
        }
    }

    /** A sign-in, checked before it costs a password comparison or a throttle's turn. */
    record SigningIn(String username, String password, boolean refreshCookie) implements CheckedRequest {

        SigningIn(RequestValues in, SignIn body) {
            this(in.check().text("username", body.username(), 64), checkedPassword(in.check(), body.password()),
                    Boolean.TRUE.equals(body.refreshCookie()));
        }

        private static String checkedPassword(RequestCheck check, String password) {
            checkPasswordLength(check, check.required("password", password));
            return password;
        }
    }

    /** @param refreshCookie a browser's sign-in: also start a session kept in an HttpOnly cookie ({@link SignInSessions}) */
    record SignIn(String username, String password, @Nullable Boolean refreshCookie) {
    }

    /** Every account, or one school's ({@code schoolId} given as a query parameter). */
    record AccountList(String schoolId, Paging paging) implements CheckedRequest {

        AccountList(RequestValues in) {
            this(in.check().optionalMatching("schoolId", in.value("schoolId"), SchoolId.FORMAT), Paging.of(in));
        }
    }

    record SchoolAccountList(String schoolId, Paging paging) implements CheckedRequest {

        SchoolAccountList(RequestValues in) {
            this(PathIds.school(in), Paging.of(in));
        }
    }

    record TokenBody(String accessToken, String tokenType, long expiresIn, String expiresAt) {
    }

    record AccountRequest(@Schema(description = "Bắt buộc khi tạo tài khoản") @Nullable String password,
            @ArraySchema(schema = @Schema(implementation = Role.class)) List<String> roles, @Nullable String schoolId,
            @Nullable String authorityId, @Nullable List<String> classIds,
            Boolean enabled) {

        Account toAccount(String username, String fixedSchool, Account existing, Set<Role> allowed, PasswordEncoder passwords,
                PasswordPolicy policy) {
            RequestCheck check = RequestCheck.of();
            check.matching("username", username, USERNAME);
            Set<Role> checkedRoles = check.nonEmpty("roles", roles).stream()
                    .map(role -> check.oneOf("roles", role, Role.class))
                    .filter(role -> role != null)
                    .collect(Collectors.toSet());
            checkedRoles.stream().filter(role -> !allowed.contains(role)).forEach(role -> check.problem("roles", "role", role));
            String school = fixedSchool != null ? fixedSchool : check.optionalMatching("schoolId", schoolId, SchoolId.FORMAT);
            if (school == null && checkedRoles.stream().anyMatch(SCHOOL_ROLES::contains)) {
                check.problem("schoolId", "required");
            }
            String authority = fixedSchool != null ? null : check.optionalMatching("authorityId", authorityId, SchoolId.FORMAT);
            if (authority == null && checkedRoles.contains(Role.AUTHORITY_ADMIN)) {
                check.problem("authorityId", "required");
            }
            Set<String> classes = (classIds == null ? List.<String>of() : classIds).stream()
                    .map(classId -> check.matching("classIds", classId, LocalId.FORMAT))
                    .filter(classId -> classId != null)
                    .collect(Collectors.toSet());
            if (existing == null && password == null) {
                check.problem("password", "required");
            } else if (password != null) {
                policy.check(check, username, password);
            }
            check.orRefuse();
            String hash = password != null ? passwords.encode(password) : existing.passwordHash();
            return new Account(username, hash, checkedRoles, school, authority, classes, enabled == null || enabled);
        }
    }

    record AccountBody(String username, List<Role> roles, @Nullable String schoolId, @Nullable String authorityId,
            List<String> classIds,
            boolean enabled) {

        static AccountBody of(Account account) {
            return new AccountBody(account.username(), account.roles().stream().sorted().toList(), account.schoolId(),
                    account.authorityId(), account.classIds().stream().sorted().toList(), account.enabled());
        }
    }
}
