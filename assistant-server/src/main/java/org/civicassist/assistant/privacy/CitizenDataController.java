package org.civicassist.assistant.privacy;

import org.civicassist.assistant.chat.ChatService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The citizen's right to erasure: {@code DELETE /api/v1/conversations/{id}} with the conversation token in
 * {@code X-Conversation-Token}, authorised like the citizen's other conversation calls (401 without the token, 403
 * with a wrong one, 404 for an unknown or expired id). {@code 204} once the transcript, contact and feedback are gone.
 */
@RestController
public class CitizenDataController {

    static final String TOKEN_HEADER = "X-Conversation-Token";

    private final ChatService chat;
    private final ConversationEraser eraser;

    public CitizenDataController(ChatService chat, ConversationEraser eraser) {
        this.chat = chat;
        this.eraser = eraser;
    }

    @DeleteMapping(path = "/api/v1/conversations/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String id,
                                             @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return chat.authorize(id, token)
                .flatMap(c -> eraser.erase(c, ConversationEraser.CITIZEN))
                .thenReturn(ResponseEntity.noContent().build());
    }
}
