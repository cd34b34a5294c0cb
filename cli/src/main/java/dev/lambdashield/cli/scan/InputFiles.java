package dev.lambdashield.cli.scan;

import dev.lambdashield.cli.CliException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists the JSON files a folder scan reads. Left out: hidden folders and {@code target/}, and the files that
 * accompany fixtures but are not inputs themselves: expected results ({@code *.expected.json}), rule parameters
 * ({@code *.parameters.json}) and recorded AWS responses ({@code *.aws.json} files and {@code *.aws/} folders).
 */
final class InputFiles {

    static final String PARAMETERS_SUFFIX = ".parameters.json";

    private InputFiles() {
    }

    /** Returns the rule parameters file that belongs to an item file: {@code <case>.parameters.json} beside it. */
    static Path parametersOf(Path itemFile) {
        String name = itemFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return itemFile.resolveSibling(base + PARAMETERS_SUFFIX);
    }

    static List<Path> under(Path root, String displayName) {
        if (!Files.exists(root)) {
            throw new CliException(displayName + ": file or folder not found");
        }
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(".json"))
                    .filter(file -> !isCompanion(file.getFileName().toString()))
                    .filter(file -> !inSkippedFolder(root, file))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CliException(displayName + ": cannot read folder: " + e.getMessage(), e);
        }
    }

    private static boolean isCompanion(String name) {
        return name.endsWith(".expected.json") || name.endsWith(".aws.json") || name.endsWith(PARAMETERS_SUFFIX);
    }

    private static boolean inSkippedFolder(Path root, Path file) {
        Path relative = root.relativize(file.getParent());
        for (Path part : relative) {
            String name = part.toString();
            if (name.isEmpty()) {
                continue;
            }
            if (name.startsWith(".") || name.equals("target") || name.endsWith(".aws")) {
                return true;
            }
        }
        return false;
    }
}
