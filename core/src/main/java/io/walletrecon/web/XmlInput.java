package io.walletrecon.web;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;

/**
 * How an uploaded XML file (a camt statement, a pain.002 report) is read: the JDK's own StAX reader, whatever else
 * is on the class path (Quarkus brings Aalto), so that malformed input behaves the same in production, in tests and
 * in the native image; no DTD, no external entities; adjacent text coalesced. And where a reader's complaint is,
 * in words a person can act on.
 */
public final class XmlInput {

    private XmlInput() {
    }

    /** A reader over {@code in}; throws XMLStreamException when the start of the input is no XML at all. */
    private static XMLStreamReader open(InputStream in) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory.createXMLStreamReader(in);
    }

    /** What reads the document. */
    @FunctionalInterface
    public interface Body<T> {
        T read(XMLStreamReader r) throws XMLStreamException;
    }

    /** The caller's exception for input that is not the XML it reads, at a 1-based line. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException at(long line, String message);
    }

    /**
     * Reads {@code in} with {@code body}; input that is no XML, or malformed, is {@code refusal}'s exception with the
     * line and what is wrong. The reader is closed in the end.
     */
    public static <T> T read(InputStream in, Body<T> body, Refusal refusal) {
        XMLStreamReader r;
        try {
            r = open(in);
        } catch (XMLStreamException e) {
            throw refusal.at(1, "not XML: " + e.getMessage());
        }
        try {
            return body.read(r);
        } catch (XMLStreamException e) {
            throw refusal.at(line(e, r), malformed(e));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // StAX readers wrap what they find malformed in unchecked exceptions too (e.g. getText() on a bad character).
            if (e.getCause() instanceof XMLStreamException x) {
                throw refusal.at(line(x, r), malformed(x));
            }
            throw e;
        } finally {
            close(r);
        }
    }

    /** The 1-based line where {@code e} happened, reading with {@code r}. */
    private static long line(XMLStreamException e, XMLStreamReader r) {
        long line = e.getLocation() != null ? e.getLocation().getLineNumber() : r.getLocation().getLineNumber();
        return Math.max(1, line);
    }

    /** {@code e}'s message without the reader's own position prefix, as "malformed XML: ...". */
    private static String malformed(XMLStreamException e) {
        return "malformed XML: " + String.valueOf(e.getMessage())
                .replaceAll("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", "");
    }

    /** Closes {@code r}, which holds nothing worth a failure by then. */
    private static void close(XMLStreamReader r) {
        try {
            r.close();
        } catch (XMLStreamException ignored) {
            // nothing left to release
        }
    }
}
