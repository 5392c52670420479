package org.civicassist.assistant.handoff;

import org.civicassist.assistant.conversation.Author;
import org.civicassist.assistant.conversation.Conversation;
import org.civicassist.assistant.conversation.ConversationStatus;
import org.civicassist.assistant.conversation.ConversationStore;
import org.civicassist.assistant.conversation.TranscriptEntry;
import org.civicassist.assistant.handoff.HandoffViews.MessageView;
import org.civicassist.assistant.handoff.HandoffViews.StateView;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A citizen's live view of their conversation: staff messages and system notices ({@code event: message}, with the
 * transcript entry id as the event id) and status changes ({@code event: state}, once on connect and on every change,
 * including the place in line while waiting), and a comment every heartbeat.
 *
 * <p>Every trigger (an event for this conversation from any instance, or the heartbeat) re-reads the conversation
 * from the store and sends what the stream has not sent yet, so an event lost between instances only delays a
 * message until the next heartbeat, and {@code Last-Event-ID} resumes without loss.
 */
public final class CitizenEventStream {

    private final ConversationStore store;
    private final HandoffQueue queue;
    private final HandoffEvents events;
    private final Duration heartbeat;

    public CitizenEventStream(ConversationStore store, HandoffQueue queue, HandoffEvents events, Duration heartbeat) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.heartbeat = heartbeat;
    }

    private enum Trigger { CONNECT, CHANGE, HEARTBEAT }

    /** What the stream has sent so far. */
    private static final class Cursor {
        String lastEntryId;
        StateView lastState;
    }

    /**
     * @param conversation the conversation, already authorised
     * @param lastEventId  the last entry id the client saw ({@code Last-Event-ID}); without it only what is new from
     *                     now on is sent
     */
    public Flux<ServerSentEvent<Object>> open(Conversation conversation, Optional<String> lastEventId) {
        String id = conversation.id();
        Cursor cursor = new Cursor();
        List<TranscriptEntry> transcript = conversation.transcript();
        cursor.lastEntryId = lastEventId.filter(s -> !s.isBlank())
                .orElse(transcript.isEmpty() ? "" : transcript.get(transcript.size() - 1).id());
        Flux<Trigger> triggers = Flux.merge(
                Mono.just(Trigger.CONNECT),
                events.events().filter(e -> !e.forStaff() && e.conversationId().equals(id)).map(e -> Trigger.CHANGE),
                Flux.interval(heartbeat, heartbeat).map(t -> Trigger.HEARTBEAT));
        return triggers.onBackpressureLatest()
                .concatMap(trigger -> store.find(id)
                        .flatMap(current -> position(current).map(p -> diff(current, p, cursor)))
                        .defaultIfEmpty(List.of())
                        .map(out -> {
                            if (trigger == Trigger.HEARTBEAT) {
                                List<ServerSentEvent<Object>> withBeat = new ArrayList<>(out);
                                withBeat.add(ServerSentEvent.builder().comment("heartbeat").build());
                                return withBeat;
                            }
                            return out;
                        })
                        // a store hiccup must not end the stream; the next trigger tries again
                        .onErrorReturn(List.of()), 1)
                .concatMapIterable(list -> list);
    }

    private Mono<Optional<Long>> position(Conversation c) {
        if (c.status() != ConversationStatus.WAITING) {
            return Mono.just(Optional.empty());
        }
        return queue.position(c.id()).map(Optional::of).defaultIfEmpty(Optional.empty());
    }

    private static List<ServerSentEvent<Object>> diff(Conversation c, Optional<Long> position, Cursor cursor) {
        List<ServerSentEvent<Object>> out = new ArrayList<>();
        for (TranscriptEntry e : c.transcript()) {
            if (e.id().compareTo(cursor.lastEntryId) <= 0) {
                continue;
            }
            cursor.lastEntryId = e.id();
            // the citizen's own messages and the assistant's replies come back in the responses to their requests
            if (e.author() == Author.STAFF || e.author() == Author.SYSTEM) {
                out.add(ServerSentEvent.<Object>builder(MessageView.of(e)).id(e.id()).event("message").build());
            }
        }
        StateView state = StateView.of(c, position.orElse(null));
        if (!Objects.equals(state, cursor.lastState)) {
            cursor.lastState = state;
            out.add(ServerSentEvent.<Object>builder(state).event("state").build());
        }
        return out;
    }
}
