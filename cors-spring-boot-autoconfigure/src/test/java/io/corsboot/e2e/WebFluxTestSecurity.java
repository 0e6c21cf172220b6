package io.corsboot.e2e;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import io.corsboot.testing.CorsCases;

/**
 * HTTP Basic on {@code /secure/**}, a role the user lacks on {@code /secure/admin/**}, everything else open, and
 * Spring Security's own CORS support on.
 */
@Configuration(proxyBeanMethods = false)
class WebFluxTestSecurity {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
        return http
            .authorizeExchange((exchanges) -> exchanges.pathMatchers("/secure/admin/**")
                .hasRole("ADMIN")
                .pathMatchers("/secure/**")
                .authenticated()
                .anyExchange()
                .permitAll())
            .httpBasic(Customizer.withDefaults())
            // The same requests must reach the handler with and without Spring Security.
            .csrf((csrf) -> csrf.disable())
            // WebFlux has no equivalent of Spring MVC's HandlerMappingIntrospector: say what the application says.
            .cors((cors) -> cors.configurationSource(applicationCors()))
            .build();
    }

    @Bean
    MapReactiveUserDetailsService userDetailsService() {
        return new MapReactiveUserDetailsService(
                User.withUsername(TestServer.USER).password("{noop}" + TestServer.PASSWORD).roles("USER").build());
    }

    private static UrlBasedCorsConfigurationSource applicationCors() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(CorsCases.SPRING_CORS_ORIGIN));
        configuration.setAllowedMethods(List.of("*"));
        configuration.setAllowedHeaders(List.of("*"));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration(TestServer.ANNOTATED_PATH, configuration);
        TestServer.GLOBAL_CORS_PATHS.forEach((path) -> source.registerCorsConfiguration(path + "/**", configuration));
        return source;
    }
}
