package io.corsboot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in the project's Markdown (the README, the pages under docs/ and the other top-level pages)
 * leads to a file that exists and, where it names an anchor, to a heading that GitHub gives that anchor.
 */
class DocumentationLinksTests {

    private static final Path ROOT = repositoryRoot();

    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");

    private static final Pattern CODE_SPAN = Pattern.compile("`+[^`]*`+");

    // A link's text may hold one level of brackets and span lines; the target stops at whitespace or ')'.
    private static final Pattern INLINE_LINK = Pattern
        .compile("!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");

    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^\\s{0,3}\\[[^\\]]+\\]:\\s*<?(\\S+?)>?(?:\\s.*)?$");

    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    // GitHub keeps letters, digits, marks, '_', '-' and spaces in an anchor, and drops every other character.
    private static final Pattern NOT_IN_ANCHOR = Pattern.compile("[^\\p{L}\\p{Nd}\\p{M}\\p{Pc}\\- ]");

    private static final Pattern MARKDOWN_LINK_IN_HEADING = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");

    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    static Stream<String> markdownFiles() throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> top = Files.list(ROOT); Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            Stream.concat(top, docs)
                .filter((path) -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(".md"))
                .map((path) -> ROOT.relativize(path).toString().replace('\\', '/'))
                .sorted()
                .forEach(files::add);
        }
        return files.stream();
    }

    @Test
    void theFrontDoorAndEveryPageAreChecked() throws IOException {
        assertThat(markdownFiles()).contains("README.md", "BENCHMARKS.md", "docs/configuration.md",
                "docs/request-handling.md", "docs/startup-validation.md", "docs/endpoint.md",
                "docs/changing-policies.md", "docs/operations.md", "docs/threat-model.md", "docs/sample.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markdownFiles")
    void everyRelativeLinkLeadsToAFileAndAHeading(String file) {
        Path source = ROOT.resolve(file);
        List<String> broken = new ArrayList<>();
        for (Link link : links(read(source))) {
            String problem = problem(source, link.target());
            if (problem != null) {
                broken.add(file + ":" + link.line() + ": (" + link.target() + ") " + problem);
            }
        }
        assertThat(broken).as("broken links in %s", file).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> #{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Quick start                                                        | quick-start
            The `cors` endpoint                                                | the-cors-endpoint
            `GET /actuator/cors/check`: how would this request be handled?    | get-actuatorcorscheck-how-would-this-request-be-handled
            `@CrossOrigin`, global CORS mappings and Spring Security's `cors()` | crossorigin-global-cors-mappings-and-spring-securitys-cors
            Reloading `cors.*` on a refresh                                    | reloading-cors-on-a-refresh
            Trying a stricter policy first: candidates                         | trying-a-stricter-policy-first-candidates
            snake_case and a-dash                                              | snake_case-and-a-dash
            Two  spaces                                                        | two--spaces
            See [the sample](docs/sample.md)                                   | see-the-sample
            """)
    void anchorsFollowGitHubsRules(String heading, String anchor) {
        assertThat(anchor(heading)).isEqualTo(anchor);
    }

    @Test
    void aRepeatedHeadingGetsANumberedAnchor() {
        assertThat(anchors(List.of("# Errors", "text", "## Errors", "```", "# Errors", "```", "### Errors")))
            .containsExactly("errors", "errors-1", "errors-2");
    }

    private String problem(Path source, String target) {
        if (target.isEmpty()) {
            return "empty link";
        }
        if (SCHEME.matcher(target).find()) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode((hash < 0) ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = (hash < 0) ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? source : source.getParent().resolve(path).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "leads outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + ROOT.relativize(resolved);
        }
        if (fragment == null) {
            return null;
        }
        if (!resolved.getFileName().toString().endsWith(".md")) {
            return "an anchor in a file that is not Markdown";
        }
        Set<String> anchors = this.anchorsByFile.computeIfAbsent(resolved, (markdown) -> anchors(read(markdown)));
        return anchors.contains(fragment) ? null : "no heading with anchor #" + fragment + " in "
                + ROOT.relativize(resolved) + "; its anchors are " + anchors;
    }

    /** The links outside code, each with the line it starts on. */
    static List<Link> links(List<String> lines) {
        StringBuilder prose = new StringBuilder();
        for (String line : outsideFences(lines)) {
            prose.append(blankCodeSpans(line)).append('\n');
        }
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE_LINK, REFERENCE_DEFINITION)) {
            Matcher link = pattern.matcher(prose);
            while (link.find()) {
                links.add(new Link(lineOf(prose, link.start()), link.group(1)));
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings outside code, a repeated one numbered from -1. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> repeats = new HashMap<>();
        for (String line : outsideFences(lines)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String anchor = anchor(heading.group(1));
                int seen = repeats.merge(anchor, 1, Integer::sum) - 1;
                anchors.add((seen == 0) ? anchor : anchor + "-" + seen);
            }
        }
        return anchors;
    }

    static String anchor(String heading) {
        String text = MARKDOWN_LINK_IN_HEADING.matcher(heading).replaceAll("$1");
        return NOT_IN_ANCHOR.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("").replace(' ', '-');
    }

    /** The lines with fenced code blocks, fences included, emptied, so that line numbers stay. */
    private static List<String> outsideFences(List<String> lines) {
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher marker = FENCE.matcher(line);
            if (marker.find()) {
                if (fence == null) {
                    fence = marker.group(1);
                }
                else if (marker.group(1).startsWith(fence)) {
                    fence = null;
                }
                prose.add("");
            }
            else {
                prose.add((fence != null) ? "" : line);
            }
        }
        return prose;
    }

    // Keeps the line's length and line breaks, so that positions still name the right line.
    private static String blankCodeSpans(String line) {
        Matcher span = CODE_SPAN.matcher(line);
        StringBuilder blanked = new StringBuilder();
        while (span.find()) {
            span.appendReplacement(blanked, " ".repeat(span.end() - span.start()));
        }
        return span.appendTail(blanked).toString();
    }

    private static int lineOf(CharSequence text, int position) {
        int line = 1;
        for (int i = 0; i < position; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    // The tests run in the module's directory; the Markdown lives at the top of the repository, beside mvnw.
    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null) {
            if (Files.isRegularFile(directory.resolve("mvnw")) && Files.isRegularFile(directory.resolve("README.md"))) {
                return directory;
            }
            directory = directory.getParent();
        }
        throw new IllegalStateException("No directory with mvnw and README.md above " + Path.of("").toAbsolutePath());
    }

    record Link(int line, String target) {
    }
}
