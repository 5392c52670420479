package org.civicassist.assistant.guide;

import org.civicassist.assistant.web.ApiException;
import org.civicassist.kb.model.Guide;
import org.civicassist.kb.model.GuideSection;
import org.civicassist.kb.search.KnowledgeBaseService;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A service guide as a plain web page, so that every answer can link to the whole guide even when the KB gives no
 * url for it. Markdown is rendered with raw HTML escaped: KB text never becomes markup or script.
 */
@RestController
public class GuidePageController {

    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final KnowledgeBaseService knowledge;

    public GuidePageController(KnowledgeBaseService knowledge) {
        this.knowledge = knowledge;
    }

    /** Every id but the pages' own stylesheet, which the static resources serve at {@code /guides/guide.css}. */
    @GetMapping(path = "/guides/{id:(?!guide\\.css$).+}", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<String> page(@PathVariable String id) {
        return Mono.fromCallable(() -> knowledge.get().knowledgeBase().guide(id)
                .map(GuidePageController::render)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "guide-not-found", "办事指南不存在。",
                        "The guide does not exist.")));
    }

    static String render(Guide g) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(esc(g.title())).append("</title>")
                .append("<link rel=\"stylesheet\" href=\"/guides/guide.css\"></head><body><main>")
                .append("<h1>").append(esc(g.title())).append("</h1><p class=\"meta\">")
                .append(esc(g.domain()));
        if (g.department() != null) {
            h.append(" · ").append(esc(g.department()));
        }
        if (g.updated() != null) {
            h.append(" · 更新于 ").append(esc(g.updated()));
        }
        h.append("</p><nav aria-label=\"目录\"><ul>");
        for (GuideSection s : g.sections()) {
            h.append("<li><a href=\"#").append(esc(s.heading())).append("\">").append(esc(s.heading()))
                    .append("</a></li>");
        }
        h.append("</ul></nav>");
        for (GuideSection s : g.sections()) {
            h.append("<section><h2 id=\"").append(esc(s.heading())).append("\">").append(esc(s.heading()))
                    .append("</h2>").append(HTML.render(MARKDOWN.parse(s.body()))).append("</section>");
        }
        return h.append("</main></body></html>").toString();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
