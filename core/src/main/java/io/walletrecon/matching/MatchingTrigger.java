package io.walletrecon.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The event that starts scheduled matching in the cloud, written once: the {@code Input} of the matching function's
 * schedules in infra/template.yaml and the input type of its handler. Shape (EventBridge's own fields are ignored):
 * <pre>{"source": "walletrecon.scheduler", "detail-type": "Scheduled Event", "detail": {"kind": "day_end"}}</pre>
 * {@code detail.kind} is {@code incremental} or {@code day_end}. Anything else (no detail, no kind, another value)
 * is refused with an exception, so a wrong schedule fails its invocation and raises the function's Errors alarm
 * instead of quietly running another tick. TemplateMatchesCodeTest reads every schedule input through this type.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchingTrigger(@JsonProperty("detail") Detail detail) {

    @JsonCreator
    public MatchingTrigger {
        if (detail == null) {
            throw new IllegalArgumentException("matching event without \"detail\": expected {\"detail\": {\"kind\": "
                    + Tick.accepted() + "}}");
        }
    }

    public RunKind kind() {
        return detail.kind().runKind;
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Detail(@JsonProperty("kind") Tick kind) {

        @JsonCreator
        public Detail {
            if (kind == null) {
                throw new IllegalArgumentException(
                        "matching event without \"detail.kind\": expected one of " + Tick.accepted());
            }
        }
    }

    /** The scheduled kinds of run; a manual run is never scheduled. */
    @RegisterForReflection
    public enum Tick {
        INCREMENTAL(RunKind.INCREMENTAL), DAY_END(RunKind.DAY_END);

        final RunKind runKind;

        Tick(RunKind runKind) {
            this.runKind = runKind;
        }

        @JsonValue
        public String code() {
            return runKind.code();
        }

        @JsonCreator
        public static Tick of(String code) {
            for (Tick t : values()) {
                if (t.code().equals(code)) {
                    return t;
                }
            }
            throw new IllegalArgumentException(
                    "unknown matching event kind \"" + code + "\": expected one of " + accepted());
        }

        static String accepted() {
            return Arrays.stream(values()).map(t -> "\"" + t.code() + "\"").collect(Collectors.joining(" or "));
        }
    }
}
