package io.corsboot.e2e;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic on {@code /secure/**}, a role the user lacks on {@code /secure/admin/**}, everything else open, and
 * Spring Security's own CORS support on.
 */
@Configuration(proxyBeanMethods = false)
class MvcTestSecurity {

    @Bean
    // Spring Security 6.5 declares that building a chain may throw
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http
            .authorizeHttpRequests((requests) -> requests.requestMatchers("/secure/admin/**")
                .hasRole("ADMIN")
                .requestMatchers("/secure/**")
                .authenticated()
                .anyRequest()
                .permitAll())
            .httpBasic(Customizer.withDefaults())
            // The same requests must reach the handler with and without Spring Security.
            .csrf((csrf) -> csrf.disable())
            // Without a CorsConfigurationSource bean, Spring Security reads Spring MVC's: @CrossOrigin and global mappings.
            .cors(Customizer.withDefaults())
            .build();
    }

    @Bean
    UserDetailsService userDetailsService() {
        return new InMemoryUserDetailsManager(
                User.withUsername(TestServer.USER).password("{noop}" + TestServer.PASSWORD).roles("USER").build());
    }
}
