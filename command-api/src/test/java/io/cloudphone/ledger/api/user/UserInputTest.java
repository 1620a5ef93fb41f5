package io.cloudphone.ledger.api.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudphone.ledger.api.system.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserInputTest {

    @Test
    void usernamesAreLowerCasedAndLimitedToASafeAlphabet() {
        assertThat(UserInput.username("Alice.B_1")).isEqualTo("alice.b_1");
        for (String bad : new String[] {"ab", "a b", "-lead", "x'; drop table app_user;--", "a".repeat(33), ""}) {
            assertThatThrownBy(() -> UserInput.username(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void emailsNeedOneAtAndADottedDomainAndNoSpaces() {
        assertThat(UserInput.email("o'hara+x@example.com")).isEqualTo("o'hara+x@example.com");
        for (String bad : new String[] {"no-at", "a@b", "a b@example.com", "a@@example.com", "a@ex\nample.com"}) {
            assertThatThrownBy(() -> UserInput.email(bad)).as(bad).isInstanceOf(ApiProblem.class);
        }
    }

    @Test
    void passwordsAreAtLeastEightCharactersAndAtMostWhatBcryptReads() {
        assertThat(UserInput.password("12345678")).isEqualTo("12345678");
        assertThatThrownBy(() -> UserInput.password("1234567")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UserInput.password("é".repeat(37))).hasMessageContaining("72 bytes");
    }

    @Test
    void displayNamesAreFreeTextWithoutControlCharacters() {
        assertThat(UserInput.displayName("Robert'); DROP TABLE app_user;--")).isEqualTo("Robert'); DROP TABLE app_user;--");
        assertThat(UserInput.displayName(null)).isNull();
        assertThatThrownBy(() -> UserInput.displayName("bell\u0007")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UserInput.displayName("\u202Eadmin")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UserInput.displayName("ad\u200Bmin")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UserInput.displayName("\uFEFFadmin")).isInstanceOf(ApiProblem.class);
        assertThat(UserInput.displayName("Zo\u00EB \u674E \uD83D\uDE00")).isEqualTo("Zo\u00EB \u674E \uD83D\uDE00");
    }

    @Test
    void roleListsAreBoundedDistinctAndSorted() {
        assertThat(UserInput.roles(List.of("USER", "ADMIN", "USER"))).containsExactly("ADMIN", "USER");
        assertThatThrownBy(() -> UserInput.roles(List.of())).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> UserInput.roles(List.of("admin"))).isInstanceOf(ApiProblem.class);
    }
}
