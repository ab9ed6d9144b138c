package io.walletrecon.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Text in request bodies is text: a JSON string holding the NUL character (U+0000) is refused with 400 naming the
 * field ({@link NulCharacterException}, mapped by {@code ProblemMappers}). PostgreSQL cannot store the character, so
 * letting it through turned a caller's mistake into a 500 at the first insert. Applies to every string the
 * application's {@code ObjectMapper} binds (credentials bound from free JSON too). Provider webhooks are read with
 * their own mapper and keep such characters (escaped when stored).
 */
@Singleton
public class JsonTextRules implements ObjectMapperCustomizer {

    /** A JSON string with a NUL character; the path names the field. */
    public static final class NulCharacterException extends JsonMappingException {
        NulCharacterException(JsonParser parser) {
            super(parser, "a string holds a NUL character (U+0000)");
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("walletrecon-json-text").addDeserializer(String.class, new TextOnly()));
    }

    private static final class TextOnly extends StdScalarDeserializer<String> {

        TextOnly() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf(0) >= 0) {
                throw new NulCharacterException(p);
            }
            return value;
        }
    }
}
