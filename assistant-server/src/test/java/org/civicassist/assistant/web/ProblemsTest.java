package org.civicassist.assistant.web;

import org.civicassist.assistant.conversation.ConcurrentUpdateException;
import org.junit.jupiter.api.Test;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

    @Test
    void maps_framework_failures_to_fixed_bilingual_problems() {
        assertThat(Problems.of(new DecodingException("JSON decoding error: Unexpected end-of-input at line 1")))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(p.code()).isEqualTo("malformed-request");
                    assertThat(p.detailEn()).doesNotContain("end-of-input");
                });
        assertThat(Problems.of(new ServerWebInputException("bad", null, new DataBufferLimitException("too big")))
                .status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
        assertThat(Problems.of(new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.GET))))
                .satisfies(p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
                    assertThat(p.headers().getAllow()).containsExactly(HttpMethod.GET);
                });
        assertThat(Problems.of(new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN,
                List.of(MediaType.APPLICATION_JSON))).headers().getAccept()).containsExactly(MediaType.APPLICATION_JSON);
        assertThat(Problems.of(new ResponseStatusException(HttpStatus.NOT_FOUND)).code()).isEqualTo("not-found");
        assertThat(Problems.of(new ResponseStatusException(HttpStatus.I_AM_A_TEAPOT)).code()).isEqualTo("http-418");
        assertThat(Problems.of(new ConcurrentUpdateException("c1", 20)).status()).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void anything_unknown_is_a_bare_500() {
        Problem p = Problems.of(new IllegalStateException("secret internal state: password=hunter2"));

        assertThat(p.status()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(p.code()).isEqualTo("internal-error");
        assertThat(p.detailZh() + p.detailEn()).doesNotContain("hunter2", "IllegalState");
        assertThat(Problems.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY)).code()).isEqualTo("internal-error");
    }

    @Test
    void keeps_the_api_exception_as_it_is() {
        Problem p = Problems.of(ApiException.wrongToken());

        assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(p.code()).isEqualTo("token-invalid");
        assertThat(p.type()).isEqualTo("https://civicassist.org/problems/token-invalid");
    }
}
