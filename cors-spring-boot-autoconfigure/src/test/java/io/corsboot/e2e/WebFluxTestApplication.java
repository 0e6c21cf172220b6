package io.corsboot.e2e;

import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.CorsRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import io.corsboot.testing.CorsCases;

/** A WebFlux application whose handler answers every method on every path, as {@link TestServer} describes. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ Recording.class, WebFluxTestApplication.Handler.class })
class WebFluxTestApplication {

    @Bean
    WebFluxConfigurer globalCorsMapping() {
        return new WebFluxConfigurer() {

            @Override
            public void addCorsMappings(CorsRegistry registry) {
                for (String path : TestServer.GLOBAL_CORS_PATHS) {
                    registry.addMapping(path + "/**").allowedOrigins(CorsCases.SPRING_CORS_ORIGIN).allowedMethods("*");
                }
            }
        };
    }

    @RestController
    static class Handler {

        private final HandlerCalls calls;

        Handler(HandlerCalls calls) {
            this.calls = calls;
        }

        @RequestMapping(path = "/**", method = { RequestMethod.GET, RequestMethod.HEAD, RequestMethod.POST,
                RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE, RequestMethod.OPTIONS })
        Mono<ResponseEntity<String>> handle(ServerHttpRequest request, ServerHttpResponse response) {
            String path = request.getPath().pathWithinApplication().value();
            // A throw here reaches WebFlux's error handling as a Mono.error would.
            int status = this.calls.handle(request.getHeaders().getFirst(HandlerCalls.HEADER), path,
                    response.getHeaders()::set, response.getHeaders()::add);
            return Mono.just(ResponseEntity.status(status).body("handled"));
        }

        @CrossOrigin(origins = CorsCases.SPRING_CORS_ORIGIN)
        @RequestMapping(path = TestServer.ANNOTATED_PATH, method = { RequestMethod.GET, RequestMethod.HEAD,
                RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE,
                RequestMethod.OPTIONS })
        Mono<ResponseEntity<String>> annotated(ServerHttpRequest request, ServerHttpResponse response) {
            return handle(request, response);
        }
    }
}
