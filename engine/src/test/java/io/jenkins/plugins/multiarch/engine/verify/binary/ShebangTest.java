package io.jenkins.plugins.multiarch.engine.verify.binary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ShebangTest {

    @Test
    void splitsLikeTheKernel() {
        Shebang shebang = parse("#! /bin/bash  -e -u \nrest");

        assertThat(shebang.line()).isEqualTo("/bin/bash  -e -u");
        assertThat(shebang.interpreter()).isEqualTo("/bin/bash");
        assertThat(shebang.argument()).isEqualTo("-e -u");
        assertThat(shebang.usesEnv()).isFalse();
    }

    @Test
    void envProgramSkipsOptionsAndAssignments() {
        assertThat(parse("#!/usr/bin/env python3\n").envProgram()).isEqualTo("python3");
        assertThat(parse("#!/usr/bin/env -S A=1 node --flag\n").envProgram()).isEqualTo("node");
        assertThat(parse("#!/bin/env\n").envProgram()).isNull();
        assertThat(parse("#!/usr/bin/env python3").usesEnv()).isTrue();
    }

    @Test
    void crlfStaysInTheInterpreterNameAsForTheKernel() {
        assertThat(parse("#!/bin/sh\r\n").interpreter()).isEqualTo("/bin/sh\r");
    }

    @Test
    void noShebang() {
        assertThat(parse("echo hi")).isNull();
        assertThat(parse("#")).isNull();
        assertThat(parse("#!").interpreter()).isEmpty();
    }

    private static Shebang parse(String text) {
        return Shebang.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
