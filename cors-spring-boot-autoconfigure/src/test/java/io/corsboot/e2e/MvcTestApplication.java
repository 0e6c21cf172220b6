package io.corsboot.e2e;

import java.util.concurrent.Callable;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.ServletRequestPathUtils;

import io.corsboot.testing.CorsCases;

/** A Spring MVC application whose handler answers every method on every path, as {@link TestServer} describes. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ Recording.class, MvcTestApplication.Handler.class })
class MvcTestApplication {

    @Bean
    WebMvcConfigurer globalCorsMapping() {
        return new WebMvcConfigurer() {

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
        ResponseEntity<String> handle(HttpServletRequest request, HttpServletResponse response) {
            String path = ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value();
            int status = this.calls.handle(request.getHeader(HandlerCalls.HEADER), path, response::setHeader,
                    response::addHeader);
            return ResponseEntity.status(status).body("handled");
        }

        /** The same answer, completed on an async dispatch. */
        @RequestMapping(path = TestServer.ASYNC_PATH, method = RequestMethod.GET)
        Callable<ResponseEntity<String>> async(HttpServletRequest request, HttpServletResponse response) {
            ResponseEntity<String> answer = handle(request, response);
            return () -> answer;
        }

        @CrossOrigin(origins = CorsCases.SPRING_CORS_ORIGIN)
        @RequestMapping(path = TestServer.ANNOTATED_PATH, method = { RequestMethod.GET, RequestMethod.HEAD,
                RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE,
                RequestMethod.OPTIONS })
        ResponseEntity<String> annotated(HttpServletRequest request, HttpServletResponse response) {
            return handle(request, response);
        }
    }
}
