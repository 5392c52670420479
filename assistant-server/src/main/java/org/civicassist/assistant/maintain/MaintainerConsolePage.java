package org.civicassist.assistant.maintain;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import reactor.core.publisher.Mono;

import java.net.URI;

/** Serves the maintainers' console at {@code /admin/} (its script and styles are static files beside it). */
@Controller
public class MaintainerConsolePage {

    private static final Resource PAGE = new ClassPathResource("META-INF/resources/admin/index.html");

    @GetMapping("/admin")
    public Mono<ResponseEntity<Void>> redirect() {
        return Mono.just(ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/admin/")).build());
    }

    @GetMapping(path = "/admin/", produces = MediaType.TEXT_HTML_VALUE)
    public Mono<ResponseEntity<Resource>> page() {
        return Mono.just(ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").body(PAGE));
    }
}
