package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void authorWritesOwnDraftsButCannotPublish() {
        assertThat(Role.AUTHOR.authorities()).containsExactlyInAnyOrder("ROLE_AUTHOR", "articles:read", "articles:write", "media:write");
    }

    @Test
    void editorAddsEveryonesContentPublishingTaxonomyAndAds() {
        assertThat(Role.EDITOR.authorities()).containsExactlyInAnyOrder("ROLE_AUTHOR", "ROLE_EDITOR", "articles:read", "articles:write", "media:write",
                "articles:edit-any", "articles:publish", "taxonomy:write", "ads:write");
    }

    @Test
    void adminHoldsEveryPermission() {
        assertThat(Role.ADMIN.permissions()).containsExactlyInAnyOrder(Permission.values());
        assertThat(Role.ADMIN.authorities()).contains("ROLE_ADMIN", "ROLE_EDITOR", "ROLE_AUTHOR", "users:admin", "settings:write", "search:admin");
    }

    @Test
    void readsStoredCodesAndRefusesUnknownOnesWithAMessageKey() {
        assertThat(Role.fromCode(" Editor ")).isEqualTo(Role.EDITOR);
        assertThatThrownBy(() -> Role.fromCode("root")).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.messageKey()).isEqualTo("account.error.role"));
    }

    @Test
    void permissionsReadTheirScopeNames() {
        assertThat(Permission.ofAuthority("articles:publish")).contains(Permission.ARTICLES_PUBLISH);
        assertThat(Permission.ofAuthority("ROLE_ADMIN")).isEmpty();
        assertThat(Permission.ofAuthority(null)).isEmpty();
    }
}
