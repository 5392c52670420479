package org.civicassist.eval;

import org.civicassist.assistant.pipeline.AnswerWriter;
import org.civicassist.assistant.pipeline.QuestionRewriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmModeOptionsTest {

    @Command(name = "eval")
    static class Harness {
        @Mixin
        LlmModeOptions llm;
    }

    static LlmModeOptions parse(String... args) {
        Harness harness = new Harness();
        new CommandLine(harness).parseArgs(args);
        return harness.llm;
    }

    @Test
    void without_options_answers_stay_extractive() {
        LlmModeOptions options = parse();

        assertThat(options.enabled()).isFalse();
        assertThat(options.hooks(Map.of()).writer()).isSameAs(AnswerWriter.EXTRACTIVE);
        assertThat(options.hooks(Map.of()).rewriter()).isSameAs(QuestionRewriter.NONE);
    }

    @Test
    void with_base_url_and_model_the_language_model_writes_and_rewrites() {
        LlmModeOptions options = parse("--llm-base-url", "http://localhost:8089/v1", "--llm-model", "echo");

        assertThat(options.enabled()).isTrue();
        assertThat(options.hooks(Map.of("LLM_API_KEY", "sk-1")).writer()).isNotSameAs(AnswerWriter.EXTRACTIVE);
        assertThat(options.hooks(Map.of()).rewriter()).isNotSameAs(QuestionRewriter.NONE);
        assertThat(options.describe()).isEqualTo("echo at http://localhost:8089/v1").doesNotContain("sk-1");
    }

    @Test
    void one_without_the_other_is_an_error() {
        assertThatThrownBy(() -> parse("--llm-base-url", "http://localhost:8089/v1").hooks(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--llm-model");
        assertThatThrownBy(() -> parse("--llm-model", "echo").hooks(Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
