package io.corsboot.reactive;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.reactive.handler.AbstractHandlerMapping;

/**
 * {@link BeanPostProcessor} that gives every WebFlux handler mapping a {@link DeferringReactiveCorsProcessor}, so
 * that {@code @CrossOrigin} and global CORS mappings leave the paths a policy covers to the policy.
 *
 * @since 0.1.0
 */
public final class ReactiveHandlerMappingCorsPostProcessor implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractHandlerMapping mapping) {
            mapping.setCorsProcessor(new DeferringReactiveCorsProcessor(mapping.getCorsProcessor()));
        }
        return bean;
    }
}
