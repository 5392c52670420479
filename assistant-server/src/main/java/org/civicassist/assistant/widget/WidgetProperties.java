package org.civicassist.assistant.widget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Settings under {@code assistant.widget.*}.
 *
 * @param allowedOrigins the sites (scheme, host and port, e.g. {@code https://www.jiangzhou.gov.cn}) whose pages may
 *                       embed the widget and call the citizen chat API from the browser; {@code *} allows any site.
 *                       The API carries no cookies (each conversation has its own token), so allowing a site lets
 *                       it do no more than a citizen can.
 */
@ConfigurationProperties("assistant.widget")
public record WidgetProperties(@DefaultValue("*") List<String> allowedOrigins) {
}
