package io.skiff.store.embedded;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The writer connection's statements. Used by the writer thread only. */
final class LogWriter implements AutoCloseable {
    private static final String COMPACTED_KEY = "compact_revision";

    private final Connection connection;
    private final PreparedStatement latest;
    private final PreparedStatement insert;
    private final PreparedStatement compactRange;
    private final PreparedStatement setCompacted;

    LogWriter(Database db) throws SQLException {
        connection = db.open();
        connection.setAutoCommit(false);
        latest = connection.prepareStatement(
                "SELECT " + Row.COLUMNS + " FROM log WHERE name = ? ORDER BY id DESC LIMIT 1");
        insert = connection.prepareStatement("INSERT INTO log (" + Row.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        // kine's compaction: drop every row that a row in the range superseded, and the deletes.
        compactRange = connection.prepareStatement("""
                DELETE FROM log WHERE id IN (
                  SELECT prev_revision FROM log WHERE id > ? AND id <= ? AND prev_revision != 0
                  UNION
                  SELECT id FROM log WHERE id > ? AND id <= ? AND deleted != 0)""");
        setCompacted = connection.prepareStatement(
                "INSERT INTO meta (key, value) VALUES ('" + COMPACTED_KEY + "', ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    }

    /** Highest revision ever committed: the newest row, or the compaction point if that is higher. */
    long lastRevision() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM log")) {
            long max = rs.next() ? rs.getLong(1) : 0;
            connection.commit();
            return Math.max(max, compactedRevision());
        }
    }

    /** How far compaction has physically progressed (0 if never). */
    long compactedRevision() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = '" + COMPACTED_KEY + "'")) {
            long rev = rs.next() ? rs.getLong(1) : 0;
            connection.commit();
            return rev;
        }
    }

    /** The newest row of {@code key}, including rows written earlier in the open transaction. */
    Row latest(String key) throws SQLException {
        latest.setString(1, key);
        try (ResultSet rs = latest.executeQuery()) {
            return rs.next() ? Row.read(rs) : null;
        }
    }

    void insert(Row row) throws SQLException {
        insert.setLong(1, row.id());
        insert.setString(2, row.name());
        insert.setInt(3, row.created() ? 1 : 0);
        insert.setInt(4, row.deleted() ? 1 : 0);
        insert.setLong(5, row.createRevision());
        insert.setLong(6, row.prevRevision());
        insert.setBytes(7, row.value());
        insert.setBytes(8, row.oldValue());
        insert.executeUpdate();
    }

    /** Compacts the rows with ids in {@code (after, upTo]} and records progress, in one transaction. */
    int compact(long after, long upTo) throws SQLException {
        compactRange.setLong(1, after);
        compactRange.setLong(2, upTo);
        compactRange.setLong(3, after);
        compactRange.setLong(4, upTo);
        int deleted = compactRange.executeUpdate();
        setCompacted.setLong(1, upTo);
        setCompacted.executeUpdate();
        commit();
        return deleted;
    }

    /** Makes the open transaction durable (synchronous=FULL: one WAL fsync). */
    void commit() throws SQLException {
        connection.commit();
    }

    void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is unusable anyway; the next commit will report it
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
