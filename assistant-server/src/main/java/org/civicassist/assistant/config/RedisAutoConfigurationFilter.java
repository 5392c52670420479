package org.civicassist.assistant.config;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves Spring Boot's Redis auto-configuration out unless {@code spring.data.redis.url} is set, so that the
 * embedded default never tries to connect to a Redis that is not there (Boot would otherwise connect to
 * localhost:6379 and report the health DOWN). Registered in {@code META-INF/spring.factories}.
 */
public final class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean redis = redisUrlSet(environment);
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String name = autoConfigurationClasses[i];
            match[i] = redis || name == null || !name.startsWith(REDIS_AUTO_CONFIGURATION);
        }
        return match;
    }

    /** True when {@code spring.data.redis.url} is set and not blank. */
    static boolean redisUrlSet(Environment environment) {
        String url = environment == null ? null : environment.getProperty(StoreConfiguration.REDIS_URL);
        return url != null && !url.isBlank();
    }
}
