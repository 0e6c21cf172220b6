package io.corsboot.consumer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snippets a user copies from the README: the quick start's dependency of each Spring Boot line, its policies,
 * and the endpoint's exposure. Read from the README itself, so that an edit that breaks them fails the consumer test.
 */
record QuickStart(List<String> dependencies, String policies, String endpointExposure) {

    private static final Pattern CODE_BLOCK = Pattern.compile("(?ms)^```(\\w+)\\n(.*?)^```$");

    static QuickStart read(Path readme) throws IOException {
        String text = Files.readString(readme);
        String quickStart = section(text, "## Quick start");
        return new QuickStart(blocks(quickStart, "xml", "<dependency>"), block(quickStart, "yaml", "cors:"),
                block(quickStart, "yaml", "exposure:"));
    }

    private static String section(String text, String heading) {
        int start = text.indexOf("\n" + heading + "\n");
        if (start < 0) {
            throw new IllegalStateException("The README has no section '" + heading + "'");
        }
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    /** The first code block of the language that contains the marker. */
    private static String block(String text, String language, String marker) {
        return blocks(text, language, marker).get(0);
    }

    /** Every code block of the language that contains the marker, at least one. */
    private static List<String> blocks(String text, String language, String marker) {
        List<String> found = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        Matcher blocks = CODE_BLOCK.matcher(text);
        while (blocks.find()) {
            if (blocks.group(1).equals(language) && blocks.group(2).contains(marker)) {
                found.add(blocks.group(2));
            }
            seen.add(blocks.group(1));
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(
                    "No ```" + language + " block with '" + marker + "' in the README (blocks seen: " + seen + ")");
        }
        return found;
    }

    /** The dependency snippet that names the given starter. */
    String dependencyOn(String starterArtifactId) {
        String named = "<artifactId>" + starterArtifactId + "</artifactId>";
        return this.dependencies.stream()
            .filter((dependency) -> dependency.contains(named))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("The README's quick start shows no dependency on "
                    + starterArtifactId + " (dependencies shown: " + this.dependencies + ")"));
    }
}
