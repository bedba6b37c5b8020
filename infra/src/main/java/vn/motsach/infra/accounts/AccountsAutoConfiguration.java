package vn.motsach.infra.accounts;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static vn.motsach.infra.security.RouteRules.ONLY_SCHOOL_ADMIN;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motsach.infra.migrations.MigrationSet;
import vn.motsach.infra.migrations.SchemaMigrations;
import vn.motsach.infra.security.AccessTokens;
import vn.motsach.infra.security.RouteRules;
import vn.motsach.infra.security.SecurityAutoConfiguration;
import vn.motsach.infra.security.SecuritySettings;

/**
 * Accounts, sign-in and the account audit. They live where PostgreSQL is: the command and query
 * sides, and the local all-in-one; analytics, without a database, accepts the tokens they issue.
 */
@AutoConfiguration(
        after = SecurityAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration")
@ConditionalOnBean(JdbcClient.class)
public class AccountsAutoConfiguration {

    @Bean
    RouteRules accountRoutes() {
        return RouteRules.builder()
                .open(POST, "/api/v1/auth/token")
                .open(POST, "/api/v1/auth/refresh")
                .open(POST, "/api/v1/auth/logout")
                .system(GET, "/api/v1/accounts")
                .system(PUT, "/api/v1/accounts/{username}")
                .school(GET, "/accounts", ONLY_SCHOOL_ADMIN)
                .school(PUT, "/accounts/{username}", ONLY_SCHOOL_ADMIN)
                .system(GET, "/api/v1/admin/audit")
                .school(GET, "/account-audit", ONLY_SCHOOL_ADMIN)
                .build();
    }

    @Bean
    MigrationSet securityMigrations() {
        return new MigrationSet("security", "classpath:db/security");
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    AccountStore accountStore(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactionManager,
            SchemaMigrations migratedFirst) {
        return new AccountStore(jdbc, clock, new TransactionTemplate(transactionManager));
    }

    @Bean
    TokenVersions tokenVersions(AccountStore accounts) {
        return accounts.tokenVersions();
    }

    @Bean
    LoginThrottle loginThrottle(SecuritySettings settings, Clock clock, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, SchemaMigrations migratedFirst) {
        return new LoginThrottle(settings.loginFailuresPerAccount(), settings.loginFailuresPerAddress(),
                settings.loginLongestWait(), clock,
                new ThrottleCounts.InDatabase(jdbc, new TransactionTemplate(transactionManager)));
    }

    /** @param lifetime how long a browser stays signed in without the password: a working day */
    @Bean
    SignInSessions signInSessions(JdbcClient jdbc, AccountStore accounts, PlatformTransactionManager transactionManager,
            @Value("${motsach.security.session-lifetime:12h}") Duration lifetime, Clock clock) {
        return new SignInSessions(jdbc, accounts, new TransactionTemplate(transactionManager), lifetime, clock);
    }

    @Bean
    ClientAddress clientAddress(SecuritySettings settings) {
        return new ClientAddress(settings.trustedProxies());
    }

    @Bean
    SignInSessionController signInSessionController(SignInSessions sessions, AccessTokens tokens, ClientAddress clients,
            Clock clock) {
        return new SignInSessionController(sessions, tokens, clients, clock);
    }

    @Bean
    AccountsController accountsController(AccountStore accounts, PasswordEncoder passwords, AccessTokens tokens,
            LoginThrottle throttle, ClientAddress clients, Clock clock, SignInSessions sessions,
            SignInSessionController sessionCookies) {
        return new AccountsController(accounts, passwords, new PasswordPolicy(), tokens, throttle, clients, clock, sessions,
                sessionCookies);
    }

    @Bean
    AccountAuditController accountAuditController(AccountStore accounts) {
        return new AccountAuditController(accounts.audit());
    }

    @Bean
    FirstSystemAdministrator firstSystemAdministrator(AccountStore accounts, PasswordEncoder passwords,
            SecuritySettings settings) {
        return new FirstSystemAdministrator(accounts, passwords, settings);
    }
}
