package org.masthead.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTwelveCharacters() {
        assertThatCode(() -> PasswordPolicy.check("alice", "correct-hors")).doesNotThrowAnyException();
    }

    @Test
    void refusesElevenCharactersAndSaysHowManyItHas() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "correct-hor"))
                .isInstanceOfSatisfying(AccountException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("account.error.password.short");
                    assertThat(e.arguments()).containsExactly(12, 11);
                });
    }

    @Test
    void countsChineseCharactersAsPeopleDo() {
        assertThatCode(() -> PasswordPolicy.check("alice", "春眠不觉晓处处闻啼鸟夜来")).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "春眠不觉晓处处闻啼鸟夜")).isInstanceOf(AccountException.class);
        // Twelve characters outside the Basic Multilingual Plane are 24 UTF-16 units, still 12 characters.
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "𠀀".repeat(11))).isInstanceOf(AccountException.class);
        assertThatCode(() -> PasswordPolicy.check("alice", "𠀀".repeat(12))).doesNotThrowAnyException();
    }

    @Test
    void refusesTheUserNameWhateverItsCaseOrWidth() {
        assertThatThrownBy(() -> PasswordPolicy.check("editor.zhang", "EDITOR.ZHANG"))
                .isInstanceOfSatisfying(AccountException.class, e -> assertThat(e.messageKey()).isEqualTo("account.error.password.username"));
        // Full-width letters fold to the same name (NFKC).
        assertThatThrownBy(() -> PasswordPolicy.check("administrator", "ａｄｍｉｎｉｓｔｒａｔｏｒ")).isInstanceOf(AccountException.class);
    }

    @Test
    void refusesEmptyBlankAndOverlongPasswords() {
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "")).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.messageKey()).isEqualTo("account.error.password.empty"));
        assertThatThrownBy(() -> PasswordPolicy.check("alice", " ".repeat(20))).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.messageKey()).isEqualTo("account.error.password.blank"));
        assertThatThrownBy(() -> PasswordPolicy.check("alice", "x".repeat(257))).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.messageKey()).isEqualTo("account.error.password.long"));
    }
}
