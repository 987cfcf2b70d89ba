package uk.customerhub.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the hub's APIs (Swagger UI at /swagger-ui.html), with the bearer-token scheme they use. */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {

    @Bean
    OpenAPI customerHubApi() {
        return new OpenAPI()
                .info(new Info().title("Customer Hub").version("v1")
                        .description("The integrated customer record: resident portal, agent console and more. "
                                + "Every error is application/problem+json (RFC 9457)."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
