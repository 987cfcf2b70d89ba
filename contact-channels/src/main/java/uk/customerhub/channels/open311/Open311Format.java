package uk.customerhub.channels.open311;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;

/** The two formats Open311 answers in, chosen by the path's extension ({@code .json}, {@code .xml}). */
enum Open311Format {
    JSON(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8)),
    XML(new MediaType(MediaType.TEXT_XML, StandardCharsets.UTF_8));

    private final MediaType mediaType;

    Open311Format(MediaType mediaType) {
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The format of a path's extension; an unknown one is a 400 (answered in JSON). */
    static Open311Format of(String extension) {
        if ("json".equals(extension)) {
            return JSON;
        }
        if ("xml".equals(extension)) {
            return XML;
        }
        throw Open311Exception.badRequest("format must be json or xml");
    }

    /** The format a request path asks for: XML for {@code .xml}, else JSON (for errors). */
    static Open311Format ofPath(String path) {
        return path != null && path.endsWith(".xml") ? XML : JSON;
    }
}
