package io.corsboot.actuate;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** The {@code cors} endpoint on Spring MVC. */
@SpringBootTest(classes = EndpointTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class CorsEndpointServletTests extends CorsEndpointWebTests {

}
