package org.civicassist.assistant.widget;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * What the embeddable widget needs from the server besides its static files (served from the widget module's
 * {@code META-INF/resources}): cross-origin access to the citizen chat API for the sites that embed it, and the
 * demo portal page at {@code /demo/}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WidgetProperties.class)
public class WidgetConfiguration {

    private static final Resource DEMO_PAGE = new ClassPathResource("META-INF/resources/demo/index.html");

    /** Before every other filter (security included), so that preflight requests are answered as CORS requests. */
    static final class WidgetCorsFilter extends CorsWebFilter implements Ordered {
        WidgetCorsFilter(CorsConfigurationSource source) {
            super(source);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 10;
        }
    }

    @Bean
    WidgetCorsFilter widgetCorsFilter(WidgetProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOriginPatterns(properties.allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "DELETE"));
        cors.setAllowedHeaders(List.of("Content-Type", "Accept", "X-Conversation-Token", "Last-Event-ID"));
        cors.setExposedHeaders(List.of("Retry-After"));
        cors.setAllowCredentials(false);
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/v1/conversations", cors);
        source.registerCorsConfiguration("/api/v1/conversations/**", cors);
        return new WidgetCorsFilter(source);
    }

    @Bean
    RouterFunction<ServerResponse> demoPage() {
        return RouterFunctions
                .route(GET("/demo"), request -> ServerResponse.permanentRedirect(URI.create("/demo/")).build())
                .andRoute(GET("/demo/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .header(HttpHeaders.CACHE_CONTROL, CacheControl.noCache().getHeaderValue())
                        .bodyValue(DEMO_PAGE));
    }
}
