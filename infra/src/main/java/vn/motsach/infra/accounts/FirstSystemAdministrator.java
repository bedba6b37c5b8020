package vn.motsach.infra.accounts;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import vn.motsach.infra.security.Role;
import vn.motsach.infra.security.SecuritySettings;

/**
 * A fresh system has one account, {@code admin}, to create all the others with. Its password
 * comes from {@code MOTSACH_SECURITY_ADMIN_PASSWORD} or is generated and printed once, at this
 * first start only; nothing else about passwords is ever logged.
 */
final class FirstSystemAdministrator {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstSystemAdministrator.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    FirstSystemAdministrator(AccountStore accounts, PasswordEncoder passwords, SecuritySettings settings) {
        if (accounts.anySystemAdmin()) {
            return;
        }
        boolean generated = settings.adminPassword() == null || settings.adminPassword().isBlank();
        String password = generated ? generate() : settings.adminPassword();
        accounts.save(new Account(USERNAME, passwords.encode(password), EnumSet.of(Role.SYSTEM_ADMIN), null, null, Set.of(), true), "system");
        if (generated) {
            log.warn("Created the first system administrator '{}' with the password {} (shown this once: keep it, then change it)",
                    USERNAME, password);
        } else {
            log.info("Created the first system administrator '{}' with the password from MOTSACH_SECURITY_ADMIN_PASSWORD",
                    USERNAME);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
