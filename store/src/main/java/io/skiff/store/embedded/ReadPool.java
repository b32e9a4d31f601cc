package io.skiff.store.embedded;

import io.skiff.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few read connections, separate from the writer's: in WAL mode readers see the last committed
 * state and never wait for the writer. Each connection caches its prepared statements.
 */
final class ReadPool implements AutoCloseable {

    /** A pooled connection with its statement cache. */
    static final class ReadConnection {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        ReadConnection(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }
    }

    interface SqlFunction<T> {
        T apply(ReadConnection connection) throws SQLException;
    }

    private final BlockingQueue<ReadConnection> idle;
    private final List<Connection> all = new ArrayList<>();

    ReadPool(Database db, int size) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            Connection c = db.open();
            all.add(c);
            idle.add(new ReadConnection(c));
        }
    }

    <T> T read(SqlFunction<T> fn) {
        ReadConnection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException.Unavailable("interrupted waiting for a read connection", e);
        }
        try {
            return fn.apply(c);
        } catch (SQLException e) {
            throw new StoreException.Unavailable("read failed: " + e.getMessage(), e);
        } finally {
            idle.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
