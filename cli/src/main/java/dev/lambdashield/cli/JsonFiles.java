package dev.lambdashield.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdashield.rules.event.EventJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads JSON input files, turning every failure into a one-line {@link CliException} that names the file. */
public final class JsonFiles {

    private JsonFiles() {
    }

    /**
     * Reads one JSON document with full numeric precision.
     *
     * @throws CliException "FILE: file not found", "FILE:LINE:COL: invalid JSON: reason", ...
     */
    public static JsonNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CliException(file + ": file not found");
        } catch (IOException e) {
            throw new CliException(file + ": cannot read file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses JSON text; {@code displayName} names it in error messages. */
    public static JsonNode parse(String text, String displayName) {
        try {
            JsonNode node = EventJson.MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new CliException(displayName + ": invalid JSON: the file is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? displayName : displayName + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new CliException(where + ": invalid JSON: " + e.getOriginalMessage());
        }
    }
}
