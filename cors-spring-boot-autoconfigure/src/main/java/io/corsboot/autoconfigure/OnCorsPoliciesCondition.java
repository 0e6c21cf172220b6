package io.corsboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Matches when at least one property under {@code cors.policies} is set, or when the configuration can be refreshed
 * while the application runs (Spring Cloud Context is present): without policies, and without a way for them to
 * appear, no filter is needed.
 */
class OnCorsPoliciesCondition extends SpringBootCondition {

    static final String ENVIRONMENT_CHANGE_EVENT = "org.springframework.cloud.context.environment.EnvironmentChangeEvent";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (var source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source instanceof IterableConfigurationPropertySource iterable) {
                for (ConfigurationPropertyName name : iterable) {
                    if (CorsPropertiesBinder.POLICIES.isAncestorOf(name)) {
                        return ConditionOutcome.match("cors.policies is set");
                    }
                }
            }
        }
        if (ClassUtils.isPresent(ENVIRONMENT_CHANGE_EVENT, context.getClassLoader())) {
            return ConditionOutcome.match("no property under cors.policies is set, but a refresh may add some");
        }
        return ConditionOutcome.noMatch("no property under cors.policies is set");
    }
}
