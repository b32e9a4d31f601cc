package io.skiff.store.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** The SQLite file: opens connections with the pragmas the store relies on, and creates the schema. */
final class Database {
    /**
     * One row per revision, kine-style. The unique (name, prev_revision) index is a second line of
     * defence behind the single writer: two writes that both think they follow the same version
     * of a key cannot both be stored.
     */
    private static final String[] SCHEMA = {
        """
        CREATE TABLE IF NOT EXISTS log (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          created INTEGER NOT NULL,
          deleted INTEGER NOT NULL,
          create_revision INTEGER NOT NULL,
          prev_revision INTEGER NOT NULL,
          value BLOB,
          old_value BLOB)""",
        "CREATE INDEX IF NOT EXISTS log_name_id ON log (name, id)",
        "CREATE UNIQUE INDEX IF NOT EXISTS log_name_prev_revision ON log (name, prev_revision)",
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };

    private final Path file;

    Database(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void createDirectory() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
    }

    /** Creates the schema and switches the file to WAL (a persistent setting). */
    void initialize() throws SQLException {
        try (Connection c = open(); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
        }
    }

    /**
     * A connection with synchronous=FULL, so that a commit returns only once the WAL is fsynced
     * (NORMAL would lose the last commits on power loss).
     */
    Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA cache_size=-16384");
        }
        return c;
    }
}
