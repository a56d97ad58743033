package io.jenkins.plugins.multiarch.engine.gitmeta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceUrlTest {

    @ParameterizedTest
    @CsvSource({
            "https://github.com/org/app.git, https://github.com/org/app",
            "https://ci-bot:ghp_s3cret@github.com/org/app.git, https://github.com/org/app",
            "https://oauth2:glpat-XYZ@gitlab.example.com:8443/group/sub/app/, https://gitlab.example.com:8443/group/sub/app",
            "http://user@git.example.com/app?x=1#frag, http://git.example.com/app",
            "git@github.com:org/app.git, https://github.com/org/app",
            "ssh://git@git.example.com:2222/org/app.git, https://git.example.com/org/app",
            "git://git.example.com/app, https://git.example.com/app",
    })
    void publicFormHasNoCredentials(String remote, String expected) {
        assertThat(SourceUrl.publicForm(remote)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/srv/git/app.git", "file:///srv/git/app.git", "../app", ""})
    void localRemotesHaveNoPublicForm(String remote) {
        assertThat(SourceUrl.publicForm(remote)).isEmpty();
    }
}
