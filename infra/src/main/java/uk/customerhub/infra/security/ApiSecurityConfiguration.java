package uk.customerhub.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import uk.customerhub.api.Role;
import uk.customerhub.identity.KeyedHash;

import java.nio.charset.StandardCharsets;

/**
 * The hub's APIs are an OAuth2 resource server: every call but health, API docs and the dev token endpoint needs a
 * bearer token (JWT), and each API is open to its roles only. In production the token issuer is configured with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}; the demo run uses the embedded dev server.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(HttpSecurity http, HubSecurityProperties properties, ObjectMapper objectMapper) throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses(objectMapper);
        http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/dev/tokens").permitAll()
                        // the demo provider (demo run only) authenticates webhooks by their signature, not a token
                        .requestMatchers(HttpMethod.POST, "/demo-provider/webhooks/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/portal/**").hasRole(Role.RESIDENT.name())
                        .requestMatchers("/console/**").hasAnyRole(Role.AGENT.name(), Role.SPECIALIST.name())
                        // channel systems; each endpoint also checks the token's channel claim names its channel
                        .requestMatchers("/channels/**").hasRole(Role.CHANNEL.name())
                        // providers' systems; each update is also checked against the provider its request is routed to
                        .requestMatchers("/providers/**").hasRole(Role.PROVIDER.name())
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new HubAuthorities(properties.residentIssuers())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    @Bean
    KeyedHash keyedHash(HubSecurityProperties properties) {
        if (properties.lookupKeySecret() == null || properties.lookupKeySecret().isBlank()) {
            throw new IllegalStateException("hub.security.lookup-key-secret (HUB_LOOKUP_KEY_SECRET) must be set");
        }
        return new KeyedHash(properties.lookupKeySecret().getBytes(StandardCharsets.UTF_8));
    }
}
