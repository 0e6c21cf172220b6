package io.corsboot.migration;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServletCorsBeansSourceTests {

    @Test
    void listsTheApplicationsSourcesAndLeavesSpringMvcsLazyIntrospectorUncreated() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean("mvcHandlerMappingIntrospector", HandlerMappingIntrospector.class,
                    (definition) -> definition.setLazyInit(true));
            context.registerBean("corsConfigurationSource", UrlBasedCorsConfigurationSource.class, () -> {
                UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
                source.registerCorsConfiguration("/legacy/**", new CorsConfiguration().applyPermitDefaultValues());
                return source;
            });
            context.refresh();
            assertThat(new ServletCorsBeansSource(context).entries())
                .extracting(SpringCorsEntry::declaredBy, SpringCorsEntry::paths)
                .containsExactly(tuple("bean corsConfigurationSource", List.of("/legacy/**")));
            assertThat(context.getBeanFactory().containsSingleton("mvcHandlerMappingIntrospector")).isFalse();
        }
    }
}
