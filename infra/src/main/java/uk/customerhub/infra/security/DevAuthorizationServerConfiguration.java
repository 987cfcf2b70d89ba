package uk.customerhub.infra.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import uk.customerhub.api.Channel;
import uk.customerhub.api.Role;
import uk.customerhub.infra.mongo.MongoProperties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo run's own OpenID Connect authorization server (Spring Authorization Server): signs tokens for the demo
 * users (through {@link DevTokenController}) and for the demo channel systems (client credentials at
 * {@code /oauth2/token}; {@link #DEMO_CHANNEL_CLIENTS}), whose tokens carry the CHANNEL role and a {@code channel}
 * claim listing the channels each may submit on, and for the demo providers' systems ({@code provider-<id>}, role
 * PROVIDER, a {@value #PROVIDER_CLAIM} claim). Off in production ({@code hub.security.dev-authorization-server.enabled=false}), where the
 * hub trusts an external issuer instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hub.security.dev-authorization-server", name = "enabled", havingValue = "true")
public class DevAuthorizationServerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DevAuthorizationServerConfiguration.class);

    /** Demo machine client: a telephony platform posting call events (client credentials). */
    public static final String DEMO_CLIENT_ID = "demo-telephony";
    public static final String DEMO_CLIENT_SECRET = "demo-telephony-secret";

    /** The claim naming the channels a machine client may submit contacts on. */
    public static final String CHANNEL_CLAIM = "channel";
    /** The client setting that holds a machine client's channels (put into its tokens' {@value #CHANNEL_CLAIM} claim). */
    static final String CHANNELS_SETTING = "hub.channels";

    /** The claim naming the provider a provider's client acts for. */
    public static final String PROVIDER_CLAIM = "provider_id";
    /** The client setting that holds a provider client's provider id. */
    static final String PROVIDER_SETTING = "hub.provider";
    /** Providers' clients are named {@code provider-<providerId>}. */
    public static final String PROVIDER_CLIENT_PREFIX = "provider-";
    /** The providers of the seeded catalogue, each with a demo client (client credentials, role PROVIDER). */
    public static final List<String> DEMO_PROVIDER_IDS = List.of("waste-operations", "highways-partner",
            "parking-services", "revenues-and-benefits", "housing-repairs", "environmental-health",
            "adult-social-care-front-door", "childrens-mash");

    /**
     * The demo channel systems, one per machine channel: client id → the channels its tokens name. Each client's
     * secret is its id followed by {@code -secret}.
     */
    public static final Map<String, List<Channel>> DEMO_CHANNEL_CLIENTS = demoChannelClients();

    private static Map<String, List<Channel>> demoChannelClients() {
        Map<String, List<Channel>> clients = new LinkedHashMap<>();
        clients.put(DEMO_CLIENT_ID, List.of(Channel.PHONE, Channel.IVR));
        clients.put("demo-mail-gateway", List.of(Channel.EMAIL));
        clients.put("demo-webchat", List.of(Channel.WEBCHAT));
        clients.put("demo-social-listening", List.of(Channel.SOCIAL));
        clients.put("demo-partner-referrals", List.of(Channel.PARTNER_REFERRAL));
        return Collections.unmodifiableMap(clients);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer authorizationServer = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(authorizationServer.getEndpointsMatcher())
                .with(authorizationServer, server -> server.oidc(oidc -> { }))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(authorizationServer.getEndpointsMatcher()));
        return http.build();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(HubSecurityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.devAuthorizationServer().issuer()).build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository() {
        List<RegisteredClient> clients = new java.util.ArrayList<>(DEMO_CHANNEL_CLIENTS.entrySet().stream()
                .map(client -> RegisteredClient.withId(UUID.nameUUIDFromBytes(client.getKey().getBytes()).toString())
                        .clientId(client.getKey())
                        .clientSecret("{noop}" + client.getKey() + "-secret")
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scope("contacts.write")
                        .clientSettings(ClientSettings.builder()
                                .setting(CHANNELS_SETTING, client.getValue().stream().map(Channel::name).toList())
                                .build())
                        .build())
                .toList());
        DEMO_PROVIDER_IDS.forEach(providerId -> clients.add(providerClient(providerId)));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The demo client of a provider's system: {@code provider-<id>}, secret {@code provider-<id>-secret}. */
    private static RegisteredClient providerClient(String providerId) {
        String clientId = PROVIDER_CLIENT_PREFIX + providerId;
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(clientId.getBytes()).toString())
                .clientId(clientId)
                .clientSecret("{noop}" + clientId + "-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("service-requests.update")
                .clientSettings(ClientSettings.builder().setting(PROVIDER_SETTING, providerId).build())
                .build();
    }

    /**
     * Machine clients' tokens carry the CHANNEL role and the channels they may submit on (a list); providers' clients'
     * tokens carry the PROVIDER role and the provider they act for ({@value #PROVIDER_CLAIM}).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> machineClientRoles() {
        return context -> {
            String providerId = context.getRegisteredClient().getClientSettings().getSetting(PROVIDER_SETTING);
            if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType()) && providerId != null) {
                context.getClaims().claim(HubAuthorities.ROLES_CLAIM, List.of(Role.PROVIDER.name()));
                context.getClaims().claim(PROVIDER_CLAIM, providerId);
                context.getClaims().claim("organisation", "council");
            } else if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> channels = context.getRegisteredClient().getClientSettings().getSetting(CHANNELS_SETTING);
                context.getClaims().claim(HubAuthorities.ROLES_CLAIM, List.of(Role.CHANNEL.name()));
                context.getClaims().claim(CHANNEL_CLAIM, channels == null ? List.of() : channels);
                context.getClaims().claim("organisation", "council");
            }
        };
    }

    /**
     * The signing key. Kept in the data directory so tokens stay valid across a restart of the demo run; generated
     * afresh when the hub runs in memory.
     */
    @Bean
    JWKSource<SecurityContext> jwkSource(MongoProperties mongo) {
        RSAKey key = mongo.uri() == null && mongo.embedded() == MongoProperties.EmbeddedMode.FILE
                ? loadOrCreate(mongo.dataDirectory().resolve("dev-signing-key.json"))
                : generate();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
        return new NimbusJwtEncoder(jwkSource);
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file));
            }
            RSAKey key = generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString());
            log.info("Dev authorization server: new signing key written to {}", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the dev signing key at " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("the dev signing key at " + file + " is damaged; delete it to make a new one", e);
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }
}
