package io.corsboot.sample.playground;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.server.reactive.HttpHandler;

/** The playground's second port and request log, for whichever web stack the application runs on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlaygroundProperties.class)
class PlaygroundConfiguration {

    @Bean
    RequestLog playgroundRequestLog() {
        return new RequestLog();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.SERVLET)
    static class ServletPlaygroundConfiguration {

        @Bean
        Playground playground() {
            return new Playground("Spring MVC on Tomcat");
        }

        @Bean
        TomcatPlaygroundConnector playgroundConnector(PlaygroundProperties properties, ServerProperties server,
                Playground playground) {
            return new TomcatPlaygroundConnector(properties.port(), server.getAddress(), playground);
        }

        // Ahead of every filter, the CORS filter included, so that the log also sees the preflights it answers.
        @Bean
        FilterRegistrationBean<RequestLogServletFilter> playgroundRequestLogFilter(RequestLog log) {
            var registration = new FilterRegistrationBean<>(new RequestLogServletFilter(log));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = Type.REACTIVE)
    static class ReactivePlaygroundConfiguration {

        @Bean
        Playground playground() {
            return new Playground("Spring WebFlux on Reactor Netty");
        }

        @Bean
        NettyPlaygroundServer playgroundServer(HttpHandler httpHandler, PlaygroundProperties properties,
                ServerProperties server, Playground playground, ObjectProvider<ReactorResourceFactory> resources) {
            return new NettyPlaygroundServer(httpHandler, properties.port(), server.getAddress(), playground,
                    resources.getIfAvailable());
        }

        @Bean
        RequestLogWebFilter playgroundRequestLogFilter(RequestLog log) {
            return new RequestLogWebFilter(log);
        }
    }
}
