package io.skiff.store.embedded;

import io.skiff.store.support.KeyRange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The read queries over the log, run on the read pool. */
final class LogReader {
    private static final String LATEST =
            "SELECT " + Row.COLUMNS + " FROM log WHERE name = ? ORDER BY id DESC LIMIT 1";

    private final ReadPool pool;

    LogReader(ReadPool pool) {
        this.pool = pool;
    }

    /** The newest row of {@code key}, which may be a delete. */
    Optional<Row> latest(String key) {
        return pool.read(c -> {
            PreparedStatement ps = c.prepare(LATEST);
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Row.read(rs)) : Optional.empty();
            }
        });
    }

    /**
     * The live keys of {@code range} as of {@code revision}: for each name its newest row at or
     * below the revision, unless that row is a delete. Reads {@code limit + 1} rows (0 = all) so
     * the caller can tell whether more remain.
     */
    List<Row> list(KeyRange range, long revision, int limit) {
        String sql = "SELECT " + prefixed("kv") + " FROM log kv JOIN ("
                + "SELECT MAX(id) AS id FROM log WHERE name >= ?" + (range.end() == null ? "" : " AND name < ?")
                + " AND id <= ? GROUP BY name) latest ON latest.id = kv.id"
                + " WHERE kv.deleted = 0 ORDER BY kv.name" + (limit > 0 ? " LIMIT ?" : "");
        return pool.read(c -> {
            PreparedStatement ps = c.prepare(sql);
            int i = bindRange(ps, range);
            ps.setLong(i++, revision);
            if (limit > 0) {
                ps.setLong(i, limit + 1L);
            }
            return rows(ps);
        });
    }

    /** Number of live keys in {@code range} now. */
    long count(KeyRange range) {
        String sql = "SELECT COUNT(*) FROM log kv JOIN ("
                + "SELECT MAX(id) AS id FROM log WHERE name >= ?" + (range.end() == null ? "" : " AND name < ?")
                + " GROUP BY name) latest ON latest.id = kv.id WHERE kv.deleted = 0";
        return pool.read(c -> {
            PreparedStatement ps = c.prepare(sql);
            bindRange(ps, range);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Rows of {@code range} with {@code after < id <= upTo}, in revision order, at most {@code limit}. */
    List<Row> history(KeyRange range, long after, long upTo, int limit) {
        String sql = "SELECT " + Row.COLUMNS + " FROM log WHERE id > ? AND id <= ? AND name >= ?"
                + (range.end() == null ? "" : " AND name < ?") + " ORDER BY id LIMIT ?";
        return pool.read(c -> {
            PreparedStatement ps = c.prepare(sql);
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            ps.setString(3, range.start());
            int i = 4;
            if (range.end() != null) {
                ps.setString(i++, range.end());
            }
            ps.setInt(i, limit);
            return rows(ps);
        });
    }

    private static int bindRange(PreparedStatement ps, KeyRange range) throws SQLException {
        ps.setString(1, range.start());
        if (range.end() == null) {
            return 2;
        }
        ps.setString(2, range.end());
        return 3;
    }

    private static List<Row> rows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(Row.read(rs));
            }
        }
        return rows;
    }

    private static String prefixed(String alias) {
        return alias + "." + Row.COLUMNS.replace(", ", ", " + alias + ".");
    }
}
