package uk.customerhub.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each platform's handles in one canonical form, checked against the platform's own rules as they come in. */
class SocialHandlesTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            // X (Twitter): the @ goes, case does not count
            "x,         @Southampton_CC,                      x:southampton_cc",
            "twitter,   SOUTHAMPTON_CC,                       x:southampton_cc",
            "X,         https://x.com/Southampton_CC,         x:southampton_cc",
            "x,         https://twitter.com/southampton_cc/status/1789, x:southampton_cc",
            // Instagram: lower case, dots and underscores kept
            "instagram, @Some.One_2,                          instagram:some.one_2",
            "instagram, https://www.instagram.com/Some.One_2/, instagram:some.one_2",
            // Facebook: a username without its dots, or a numeric profile id
            "facebook,  John.Smith.90,                        facebook:johnsmith90",
            "fb,        https://www.facebook.com/John.Smith.90, facebook:johnsmith90",
            "facebook,  https://www.facebook.com/profile.php?id=100012345678&ref=x, facebook:100012345678",
            // TikTok and others: the @ goes, lower case
            "tiktok,    @Bin.Watch_SO14,                      tiktok:bin.watch_so14",
            "tiktok,    https://www.tiktok.com/@Bin.Watch_SO14, tiktok:bin.watch_so14",
            "nextdoor,  https://nextdoor.com/profile/01AbCdEf/, nextdoor:01abcdef",
            "mastodon-social, @Someone,                       mastodon-social:someone",
    })
    void the_same_account_written_any_way_is_one_handle(String platform, String written, String canonical) {
        assertThat(SocialHandles.identity("handle", platform, written))
                .isEqualTo(new Identity(IdentityKind.SOCIAL_HANDLE, canonical));
        assertThat(SocialHandles.identity("handle", platform + ":" + written).value()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "x,         some.one",                      // X has no dots
            "x,         sixteen_letters_x",             // X: at most 15
            "instagram, some-one",                      // Instagram has no hyphens
            "facebook,  jo",                            // a Facebook username has at least 5 characters
            "tiktok,    a",                             // TikTok: at least 2
            "x,         some one",
            "bad platform!, someone",
    })
    void a_handle_its_platform_would_not_allow_is_refused_as_it_comes_in(String platform, String written) {
        assertThatThrownBy(() -> SocialHandles.identity("handle", platform, written))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("handle: ");
    }

    @Test
    void the_refusal_says_what_the_platform_allows() {
        assertThatThrownBy(() -> SocialHandles.identity("socialHandle", "x:some.one"))
                .hasMessage("socialHandle: is not a valid x handle: 1-15 letters, digits or _");
        assertThatThrownBy(() -> SocialHandles.identity("socialHandle", "someone"))
                .hasMessageContaining("platform:handle");
    }

    @Test
    void a_handle_stored_before_the_platform_rules_still_loads_in_canonical_form() {
        // the general shape was all that was checked before: an X handle with a dot was accepted then
        assertThat(new Identity(IdentityKind.SOCIAL_HANDLE, "x:some.one").value()).isEqualTo("x:some.one");
        assertThat(new Identity(IdentityKind.SOCIAL_HANDLE, "twitter:@Someone").value()).isEqualTo("x:someone");
    }
}
