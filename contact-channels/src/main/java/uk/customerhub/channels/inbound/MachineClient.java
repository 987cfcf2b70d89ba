package uk.customerhub.channels.inbound;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import uk.customerhub.api.Channel;
import uk.customerhub.channels.web.Caller;
import uk.customerhub.channels.web.ChannelNotAllowedException;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A channel system calling with a client-credentials token (role CHANNEL): a telephony platform, a mail gateway, a
 * webchat platform, a social listening feed, a partner organisation's system. Its token's {@value #CHANNEL_CLAIM}
 * claim names the channels it may submit contacts on — one name, a list, or names separated by spaces or commas;
 * a contact on any other channel is refused (403). Its subject (the client id) names the source system.
 */
public record MachineClient(Caller caller, Set<Channel> channels) {
    public static final String CHANNEL_CLAIM = "channel";

    public static MachineClient of(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        return new MachineClient(caller, channelsOf(jwt.getClaim(CHANNEL_CLAIM)));
    }

    /** Refuses (403) a contact on {@code channel} unless the token names it. */
    public MachineClient requireChannel(Channel channel) {
        if (!channels.contains(channel)) {
            throw new ChannelNotAllowedException("this client may not submit contacts on channel " + channel
                    + (channels.isEmpty() ? " (its token names no channel)" : " (its token names " + channels + ")"));
        }
        return this;
    }

    /** Refuses (403) unless the token names at least one of {@code endpointChannels}. */
    public MachineClient requireAnyOf(Channel... endpointChannels) {
        if (Arrays.stream(endpointChannels).noneMatch(channels::contains)) {
            throw new ChannelNotAllowedException("this client may not submit contacts on channel "
                    + Arrays.toString(endpointChannels) + (channels.isEmpty() ? " (its token names no channel)"
                    : " (its token names " + channels + ")"));
        }
        return this;
    }

    /** The channel system, as named by its token's subject (the client id). */
    public String system() {
        return caller.subject();
    }

    public String organisation() {
        return caller.organisation();
    }

    private static Set<Channel> channelsOf(Object claim) {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (claim instanceof Collection<?> names) {
            names.forEach(name -> add(channels, String.valueOf(name)));
        } else if (claim instanceof String names) {
            Arrays.stream(names.split("[\\s,]+")).forEach(name -> add(channels, name));
        }
        return channels;
    }

    private static void add(Set<Channel> channels, String name) {
        Arrays.stream(Channel.values()).filter(channel -> channel.name().equals(name.strip())).forEach(channels::add);
    }
}
