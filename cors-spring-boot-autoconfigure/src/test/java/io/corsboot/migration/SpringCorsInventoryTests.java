package io.corsboot.migration;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;

import io.corsboot.migration.SpringCorsEntry.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpringCorsInventoryTests {

    @Test
    void collectsTheEntriesOfEverySourceBeanInTheBeansOrder() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean("second", SecondSource.class);
            context.registerBean("first", FirstSource.class);
            context.refresh();
            var inventory = new SpringCorsInventory(context.getBeanProvider(SpringCorsSource.class));
            assertThat(inventory.entries()).extracting(SpringCorsEntry::declaredBy)
                .containsExactly("bean first", "bean second");
        }
    }

    @Test
    void leavesOutASourceThatFails() {
        try (var context = new AnnotationConfigApplicationContext()) {
            context.registerBean("first", FirstSource.class);
            context.registerBean("failing", SpringCorsSource.class, () -> () -> {
                throw new IllegalStateException("unreadable");
            });
            context.refresh();
            var inventory = new SpringCorsInventory(context.getBeanProvider(SpringCorsSource.class));
            assertThat(inventory.entries()).extracting(SpringCorsEntry::declaredBy).containsExactly("bean first");
        }
    }

    @Test
    void anEntryHasAConfigurationOrSaysWhyItHasNone() {
        assertThatIllegalArgumentException()
            .isThrownBy(() -> new SpringCorsEntry(Kind.CORS_FILTER, "bean corsFilter", List.of(), null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new SpringCorsEntry(Kind.CORS_FILTER,
                "bean corsFilter", List.of(), new CorsConfiguration(), "Declare its source as a bean."));
    }

    @Order(1)
    static class FirstSource implements SpringCorsSource {

        @Override
        public List<SpringCorsEntry> entries() {
            return List.of(SpringCorsEntry.of(Kind.CORS_CONFIGURATION_SOURCE, "bean first", List.of("/api/**"),
                    new CorsConfiguration().applyPermitDefaultValues()));
        }
    }

    @Order(2)
    static class SecondSource implements SpringCorsSource {

        @Override
        public List<SpringCorsEntry> entries() {
            return List.of(SpringCorsEntry.unreadable(Kind.CORS_FILTER, "bean second", List.of(),
                    "Declare its source as a bean."));
        }
    }
}
