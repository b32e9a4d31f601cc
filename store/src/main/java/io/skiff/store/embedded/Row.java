package io.skiff.store.embedded;

import io.skiff.store.KeyValue;
import io.skiff.store.WatchEvent;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the log: the write at revision {@code id}. A delete row keeps the deleted value in
 * {@code value}; an update row keeps the value it replaced in {@code oldValue}, so a row alone
 * yields its watch event even after compaction removed the row before it.
 */
record Row(long id, String name, boolean created, boolean deleted, long createRevision,
           long prevRevision, byte[] value, byte[] oldValue) {

    static final String COLUMNS = "id, name, created, deleted, create_revision, prev_revision, value, old_value";

    static Row read(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getInt(3) != 0, rs.getInt(4) != 0,
                rs.getLong(5), rs.getLong(6), rs.getBytes(7), rs.getBytes(8));
    }

    KeyValue keyValue() {
        return new KeyValue(name, value, createRevision, id);
    }

    /** The version this row replaced, or null for a create. */
    KeyValue previous() {
        if (created) {
            return null;
        }
        return new KeyValue(name, deleted ? value : oldValue, createRevision, prevRevision);
    }

    WatchEvent event() {
        return new WatchEvent(deleted ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT, keyValue(), previous());
    }
}
