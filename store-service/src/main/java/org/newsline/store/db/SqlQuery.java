package org.newsline.store.db;

import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT assembled from optional filters. Every value travels as a bind parameter; only fixed SQL
 * fragments written in this package are ever concatenated.
 */
final class SqlQuery {

    private final StringBuilder sql;
    private final List<Object> params = new ArrayList<>();
    private boolean hasWhere;

    SqlQuery(String select, Object... values) {
        this.sql = new StringBuilder(select);
        params.addAll(List.of(values));
    }

    /** Adds {@code condition} (with its {@code ?} placeholders) joined by AND. */
    SqlQuery where(String condition, Object... values) {
        sql.append(hasWhere ? " AND (" : " WHERE (").append(condition).append(')');
        hasWhere = true;
        params.addAll(List.of(values));
        return this;
    }

    SqlQuery append(String tail, Object... values) {
        sql.append(' ').append(tail);
        params.addAll(List.of(values));
        return this;
    }

    String sql() {
        return sql.toString();
    }

    List<Object> params() {
        return params;
    }
}
