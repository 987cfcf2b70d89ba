package uk.customerhub.infra.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Open311 GeoReport v2 ({@code /open311/**}) has its own rules, so it has a filter chain of its own, ahead of the
 * bearer-token APIs: reading is public (as the specification has it, and answering only what the public may see),
 * and posting a report is authenticated by the client's {@code api_key} parameter, which the Open311 adapter checks
 * itself so that a refusal is answered in Open311's error format. No bearer token is read here, no session is kept,
 * and no CSRF token is asked for (clients are machines posting forms with their key).
 */
@Configuration(proxyBeanMethods = false)
public class Open311SecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain open311Security(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/open311/**")
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        return http.build();
    }
}
