package vn.motsach.web;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The web app's paths, in one place: the pages its router shows (a new page adds its path here)
 * and the files the build produces. Everything else (the API, health, the API description) is
 * left to the other security rules.
 */
final class WebAppRoutes {

    /** The pages, answered with {@code index.html}; the app's router picks the page. */
    static final String[] PAGES = {"/", "/signin", "/desk", "/desk/**", "/opac/**", "/dashboard/**",
        "/catalogue", "/catalogue/**", "/readers", "/readers/**"};
    /** The files of the build: hashed bundles, the icon, the offline desk's service worker. */
    static final String[] FILES = {"/index.html", "/assets/**", "/favicon.svg", "/desk-sw.js"};

    private WebAppRoutes() {
    }

    static RequestMatcher matcher() {
        List<RequestMatcher> matchers = new java.util.ArrayList<>();
        for (String path : PAGES) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, path));
        }
        for (String path : FILES) {
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, path));
            matchers.add(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.HEAD, path));
        }
        return new OrRequestMatcher(matchers);
    }
}
