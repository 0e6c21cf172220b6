package io.corsboot.actuate;

import org.springframework.boot.SpringBootConfiguration;

import io.corsboot.testing.EnableAutoConfigurationWithoutSecurity;

/** An application with the starter and Actuator, without Spring Security. */
@SpringBootConfiguration
@EnableAutoConfigurationWithoutSecurity
class EndpointTestApplication {
}
