package vn.motsach.command.imports.catalogue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The three-letter language codes a record may carry (MARC 041 and 008/35-37 use ISO 639-2):
 * those Java knows, which are ISO 639-2's terminology codes, and the bibliographic codes MARC
 * writes where the two differ (fre for fra, ger for deu, chi for zho…).
 */
final class LanguageCodes {

    private static final Set<String> BIBLIOGRAPHIC = Set.of("alb", "arm", "baq", "bur", "chi", "cze", "dut", "fre", "geo",
            "ger", "gre", "ice", "mac", "mao", "may", "per", "rum", "slo", "tib", "wel");
    /** MARC's own: several languages, undetermined, no linguistic content. */
    private static final Set<String> SPECIAL = Set.of("mul", "und", "zxx");
    private static final Set<String> KNOWN = Stream.concat(Arrays.stream(Locale.getISOLanguages())
                    .map(language -> Locale.forLanguageTag(language).getISO3Language()), Stream.concat(BIBLIOGRAPHIC.stream(), SPECIAL.stream()))
            .filter(code -> code.length() == 3).collect(Collectors.toUnmodifiableSet());

    private LanguageCodes() {
    }

    static boolean known(String code) {
        return KNOWN.contains(code);
    }
}
