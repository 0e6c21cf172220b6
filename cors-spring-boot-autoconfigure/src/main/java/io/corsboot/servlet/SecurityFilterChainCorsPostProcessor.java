package io.corsboot.servlet;

import java.lang.reflect.Field;

import jakarta.servlet.Filter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * {@link BeanPostProcessor} that gives the {@link CorsFilter} of every Spring Security filter chain, which
 * {@code http.cors(...)} adds, a {@link DeferringServletCorsProcessor}, so that it leaves the paths a policy covers
 * to the policy.
 *
 * @since 0.1.0
 */
public final class SecurityFilterChainCorsPostProcessor implements BeanPostProcessor {

    // CorsFilter can set its processor but not tell it. Reading the field keeps a processor the application gave it;
    // where the field cannot be read (renamed, or left out of a native image's reflection metadata), CorsFilter's
    // own default stands in for it.
    private static final @Nullable Field PROCESSOR = ReflectionUtils.findField(CorsFilter.class, "processor",
            CorsProcessor.class);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SecurityFilterChain chain) {
            for (Filter filter : chain.getFilters()) {
                if (filter instanceof CorsFilter corsFilter) {
                    corsFilter.setCorsProcessor(new DeferringServletCorsProcessor(processorOf(corsFilter)));
                }
            }
        }
        return bean;
    }

    private static CorsProcessor processorOf(CorsFilter filter) {
        if (PROCESSOR == null) {
            return new DefaultCorsProcessor();
        }
        ReflectionUtils.makeAccessible(PROCESSOR);
        return (CorsProcessor) ReflectionUtils.getField(PROCESSOR, filter);
    }
}
