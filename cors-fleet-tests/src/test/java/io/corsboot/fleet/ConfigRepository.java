package io.corsboot.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The Git repository behind the config server: the fleet's configuration is one file, {@value #FILE}, which each
 * {@link #commit} replaces whole.
 */
final class ConfigRepository implements AutoCloseable {

    /** The file the config server serves to applications named {@code fleet}. */
    static final String FILE = "fleet.yml";

    static final String BRANCH = "main";

    private static final PersonIdent AUTHOR = new PersonIdent("Fleet Operator", "operator@example.com");

    private final Path directory;

    private final Git git;

    private ConfigRepository(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    static ConfigRepository create(Path directory) {
        try {
            return new ConfigRepository(directory,
                    Git.init().setDirectory(directory.toFile()).setInitialBranch(BRANCH).call());
        }
        catch (GitAPIException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Commits {@code yaml} as the fleet's whole configuration. */
    void commit(String message, String yaml) {
        try {
            Files.writeString(this.directory.resolve(FILE), yaml);
            this.git.add().addFilepattern(FILE).call();
            this.git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (GitAPIException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Where the config server clones the repository from: a path, since a {@code file:} URI would have the server
     * read this working tree, uncommitted changes and all, rather than clone and fetch what was committed.
     */
    String location() {
        return this.directory.toString();
    }

    @Override
    public void close() {
        this.git.close();
    }
}
