package io.corsboot.servlet;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * {@link BeanPostProcessor} that gives every Spring MVC handler mapping a {@link DeferringServletCorsProcessor}, so
 * that {@code @CrossOrigin} and global CORS mappings leave the paths a policy covers to the policy.
 *
 * @since 0.1.0
 */
public final class HandlerMappingCorsPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractHandlerMapping mapping) {
            mapping.setCorsProcessor(new DeferringServletCorsProcessor(mapping.getCorsProcessor()));
        }
        return bean;
    }
}
