package org.civicassist.assistant.feedback;

import org.civicassist.assistant.feedback.FeedbackDtos.FeedbackReceipt;
import org.civicassist.assistant.feedback.FeedbackDtos.FeedbackRequest;
import org.civicassist.assistant.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/v1/conversations/{id}/feedback}: a verdict on a reply, or a rating of the conversation. */
@RestController
public class FeedbackController {

    private final FeedbackService feedback;

    public FeedbackController(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @PostMapping(path = "/api/v1/conversations/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<FeedbackReceipt> submit(@PathVariable String id,
                                        @RequestHeader(name = "X-Conversation-Token", required = false) String token,
                                        @RequestBody(required = false) Mono<FeedbackRequest> body) {
        return body.switchIfEmpty(Mono.error(() -> ApiException.badInput("请求体不能为空。", "The request body is empty.")))
                .flatMap(request -> feedback.submit(id, token, request));
    }
}
