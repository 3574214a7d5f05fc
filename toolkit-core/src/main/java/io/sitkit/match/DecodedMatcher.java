package io.sitkit.match;

import io.sitkit.core.Message;
import io.sitkit.schema.DecodeException;
import io.sitkit.schema.PayloadDecoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Applies a matcher to the JSON view of a payload a decoder gives (Avro through a registry, say). */
final class DecodedMatcher implements MessageMatcher {
    private final PayloadDecoder decoder;
    private final MessageMatcher inner;

    DecodedMatcher(PayloadDecoder decoder, MessageMatcher inner) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.inner = Objects.requireNonNull(inner, "matcher");
    }

    private Message view(Message message) {
        return decoder.view(message);
    }

    @Override
    public boolean matches(Message message) {
        try {
            return inner.matches(view(message));
        } catch (DecodeException e) {
            return false;
        }
    }

    @Override
    public String describe() {
        return "decoded as " + decoder.describe() + ": " + inner.describe();
    }

    @Override
    public List<Check> explain(Message message) {
        Message view;
        try {
            view = view(message);
        } catch (DecodeException e) {
            return List.of(new Check("payload decodes as " + decoder.describe(), false, e.getMessage(),
                    "is the payload encoded the way the decoder expects?"));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("payload decodes as " + decoder.describe(), true, null, null));
        checks.addAll(inner.explain(view));
        return checks;
    }
}
