package uk.customerhub.channels.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.ResponseEntity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Writes Open311 answers in JSON or XML with the specification's names. A body is built of ordered maps (field name
 * → text, number, boolean, null, nested map or list); in JSON a list answer is a bare array and an object answer an
 * object, as the specification shows; in XML the answer is its root element ({@code services},
 * {@code service_requests}, {@code service_definition} …), a list's entries are elements named after the list
 * ({@link #ITEMS}: {@code attributes} holds {@code attribute}s), and an absent value is an empty element.
 */
final class Open311Writer {
    /** The element name of one entry of each list field. */
    static final Map<String, String> ITEMS = Map.of(
            "attributes", "attribute",
            "values", "value",
            "endpoints", "endpoint",
            "formats", "format");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Open311Writer() {
    }

    /** A list answer: a JSON array, or {@code <root><item>…</item>…</root>}. */
    static ResponseEntity<String> list(int status, Open311Format format, String root, String item,
                                       List<? extends Map<String, ?>> entries) {
        String body = format == Open311Format.JSON ? json(entries) : xml(writer -> {
            writer.writeStartElement(root);
            for (Map<String, ?> entry : entries) {
                element(writer, item, entry);
            }
            writer.writeEndElement();
        });
        return ResponseEntity.status(status).contentType(format.mediaType()).body(body);
    }

    /** An object answer: a JSON object, or {@code <root>…fields…</root>}. */
    static ResponseEntity<String> object(Open311Format format, String root, Map<String, ?> fields) {
        String body = format == Open311Format.JSON ? json(fields) : xml(writer -> element(writer, root, fields));
        return ResponseEntity.ok().contentType(format.mediaType()).body(body);
    }

    /** Open311's error answer: {@code [{"code":…,"description":…}]}, or {@code <errors><error>…</error></errors>}. */
    static ResponseEntity<String> error(Open311Format format, int status, String description) {
        return list(status, format, "errors", "error", List.of(Open311Fields.of("code", status, "description", description)));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an Open311 answer is made of maps, lists and plain values", e);
        }
    }

    private interface XmlBody {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static String xml(XmlBody body) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter writer = XML.createXMLStreamWriter(text);
            writer.writeStartDocument("utf-8", "1.0");
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write an Open311 answer as XML", e);
        }
        return text.toString();
    }

    private static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        if (value == null) {
            writer.writeEmptyElement(name);
            return;
        }
        writer.writeStartElement(name);
        if (value instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                element(writer, String.valueOf(field.getKey()), field.getValue());
            }
        } else if (value instanceof List<?> entries) {
            String item = ITEMS.get(name);
            if (item == null) {
                throw new IllegalStateException("no XML element name for the entries of " + name);
            }
            for (Object entry : entries) {
                element(writer, item, entry);
            }
        } else {
            writer.writeCharacters(xmlText(String.valueOf(value)));
        }
        writer.writeEndElement();
    }

    /** The text without the characters XML 1.0 cannot hold (control characters other than tab and line breaks). */
    static String xmlText(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                        || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }
}
