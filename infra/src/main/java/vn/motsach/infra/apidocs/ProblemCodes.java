package vn.motsach.infra.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every problem code the API can answer: the codes the problem bundles give a title to. The
 * bundles are where a code gets its words, so a code without them is not a code of the API.
 */
final class ProblemCodes {

    private static final Pattern TITLE = Pattern.compile("problem\\.([A-Z0-9_]+)\\.title");
    /** The default (Vietnamese) bundles: {@code problems/<module>.properties}, not their language variants. */
    private static final Pattern DEFAULT_BUNDLE = Pattern.compile("[a-z-]+\\.properties");

    private final Set<String> codes;

    private ProblemCodes(Set<String> codes) {
        this.codes = Set.copyOf(codes);
    }

    static ProblemCodes fromBundles() {
        Set<String> codes = new TreeSet<>();
        try {
            for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:problems/*.properties")) {
                if (bundle.getFilename() != null && DEFAULT_BUNDLE.matcher(bundle.getFilename()).matches()) {
                    codes.addAll(titled(bundle));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProblemCodes(codes);
    }

    private static Set<String> titled(Resource bundle) throws IOException {
        Properties texts = new Properties();
        try (InputStream in = bundle.getInputStream()) {
            texts.load(in);
        }
        Set<String> codes = new TreeSet<>();
        for (String key : texts.stringPropertyNames()) {
            Matcher title = TITLE.matcher(key);
            if (title.matches()) {
                codes.add(title.group(1));
            }
        }
        return codes;
    }

    /** Every code, sorted. */
    List<String> all() {
        return codes.stream().sorted().toList();
    }

    /** The codes given, after checking each is one of the API's. */
    List<String> known(Collection<String> named, String where) {
        List<String> unknown = named.stream().filter(code -> !codes.contains(code)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(where + " names problem codes no problem bundle knows: " + unknown);
        }
        return named.stream().distinct().sorted().toList();
    }
}
