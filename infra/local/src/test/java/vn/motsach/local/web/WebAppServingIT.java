package vn.motsach.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motsach.local.LocalApplication;
import vn.motsach.testing.ApiClient;

/**
 * The local all-in-one serves the web app at / without a token: its pages by their own paths
 * (a label's QR code is a deep link) answer with its index.html, its files are open, under a
 * policy that runs only its own scripts; everything else keeps its rules.
 */
@SpringBootTest(classes = LocalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebAppServingIT {

    @LocalServerPort
    int port;

    @Test
    void theAppsPagesAndFilesAreServedToAnyone() {
        ApiClient anyone = new ApiClient(port).as(null);
        for (String page : new String[] {"/", "/signin", "/desk", "/opac/thcs-an-vinh",
                "/opac/thcs-an-vinh/titles/0e8f5a3c-6c1d-4f6e-9a55-2d4b8f0c1a2b", "/desk/holds", "/desk/overdue",
                "/catalogue", "/catalogue/titles/new", "/catalogue/imports", "/catalogue/stocktakes/7c1e", "/readers",
                "/readers/classes/5a4"}) {
            ApiClient.Answer answer = anyone.get(page);
            assertThat(answer.status()).as(page).isEqualTo(200);
            assertThat(answer.header("Content-Type")).as(page).hasValueSatisfying(type -> assertThat(type).isEqualTo("text/html;charset=UTF-8"));
            assertThat(answer.body()).as(page).contains("<div id=\"app\"></div>", "lang=\"vi\"");
            assertThat(answer.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe"));
        }
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(anyone.get("/").body());
        assertThat(script.find()).isTrue();
        ApiClient.Answer bundle = anyone.get(script.group(1));
        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(anyone.get("/favicon.svg").status()).isEqualTo(200);
        // the offline desk's worker is asked of the server again on each visit: a new build replaces it
        ApiClient.Answer worker = anyone.get("/desk-sw.js");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(worker.header("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).isEqualTo("no-cache"));
        assertThat(worker.body()).contains("motsach-desk");

        // the API and everything that is not the app's keep their own rules
        assertThat(anyone.get("/api/v1/schools/thcs-an-vinh").status()).isEqualTo(401);
        assertThat(anyone.get("/khong-phai-trang").status()).isEqualTo(401);
        assertThat(anyone.get("/assets/../actuator/env").status()).isIn(400, 401);
    }
}
