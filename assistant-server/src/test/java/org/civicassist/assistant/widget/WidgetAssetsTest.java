package org.civicassist.assistant.widget;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's files as shipped: small, free of code that a strict Content-Security-Policy forbids (eval, HTML
 * strings, inline script), and free of requests to third parties.
 */
class WidgetAssetsTest {

    static final int BUDGET_BYTES = 30 * 1024;

    static byte[] resource(String path) {
        try (InputStream in = WidgetAssetsTest.class.getResourceAsStream("/META-INF/resources/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(resource(path), StandardCharsets.UTF_8);
    }

    static int gzipped(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }

    @Test
    void script_and_styles_together_stay_within_30_kb_gzipped() {
        int js = gzipped(resource("widget/widget.js"));
        int css = gzipped(resource("widget/widget.css"));

        System.out.printf("widget.js %d B gzipped, widget.css %d B gzipped, together %d B%n", js, css, js + css);
        assertThat(js + css).isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void the_script_uses_nothing_a_strict_content_security_policy_forbids() {
        String js = text("widget/widget.js");

        assertThat(js).doesNotContain("eval(", "new Function", "innerHTML", "outerHTML", "insertAdjacentHTML",
                "document.write", ".setAttribute('style'", "javascript:");
        assertThat(Pattern.compile("set(Timeout|Interval)\\(\\s*['\"]").matcher(js).find())
                .as("timers with code strings").isFalse();
        assertThat(Pattern.compile("addEventListener\\(\\s*'[a-z]+'\\s*,\\s*'").matcher(js).find()).isFalse();
    }

    @Test
    void nothing_is_requested_from_third_parties() {
        for (String file : new String[]{"widget/widget.js", "widget/widget.css", "demo/index.html", "demo/demo.js",
                "demo/demo.css"}) {
            Matcher urls = Pattern.compile("https?://[^\\s\"')<>]+").matcher(text(file));
            while (urls.find()) {
                String url = urls.group();
                // the SVG namespace is a name, not a request; the rest are examples in comments and messages
                assertThat(url).as("URL in %s", file)
                        .matches("http://www\\.w3\\.org/2000/svg|https?://(HOST|assistant\\.example\\.gov\\.cn)\\S*");
            }
        }
        for (String css : new String[]{"widget/widget.css", "demo/demo.css"}) {
            assertThat(text(css)).as("fonts, images or styles fetched by %s", css).doesNotContain("@import", "url(");
        }
    }

    @Test
    void the_demo_page_has_no_inline_script_or_style() {
        String page = text("demo/index.html");

        Matcher scripts = Pattern.compile("<script\\b([^>]*)>([\\s\\S]*?)</script>").matcher(page);
        int count = 0;
        while (scripts.find()) {
            count++;
            assertThat(scripts.group(1)).as("script tag").contains("src=");
            assertThat(scripts.group(2)).as("inline script").isBlank();
        }
        assertThat(count).isEqualTo(2);
        assertThat(page).doesNotContain("<style", " style=", " onclick=", " onload=");
    }
}
