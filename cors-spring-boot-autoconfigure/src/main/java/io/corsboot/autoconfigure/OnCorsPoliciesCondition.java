package io.corsboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when at least one property under {@code cors.policies} is set: without policies no filter is needed. */
class OnCorsPoliciesCondition extends SpringBootCondition {

    private static final ConfigurationPropertyName POLICIES = ConfigurationPropertyName.of("cors.policies");

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        for (var source : ConfigurationPropertySources.get(context.getEnvironment())) {
            if (source instanceof IterableConfigurationPropertySource iterable
                    && iterable.filter(POLICIES::isAncestorOf).stream().findAny().isPresent()) {
                return ConditionOutcome.match("cors.policies is set");
            }
        }
        return ConditionOutcome.noMatch("no property under cors.policies is set");
    }
}
