package org.innovadores.runtime;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import javax.sql.DataSource;

/**
 * Plain JDBC on the tool's datasource, for the paths that run on every request (progress, media,
 * team work): one statement, its parameters bound in order (a null as an untyped NULL, which both
 * PostgreSQL and H2 accept for any column), rows read by a callback. Inside a transaction the
 * connection joins it.
 */
@ApplicationScoped
public class Sql {

    /** Reads one row of a result. */
    public interface Rows {
        void read(ResultSet row) throws SQLException;
    }

    @Resource(lookup = "java:app/jdbc/innovadores")
    DataSource dataSource;

    public int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, values);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed (" + e.getSQLState() + ")", e);
        }
    }

    public void query(String sql, Rows rows, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, values);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) rows.read(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed (" + e.getSQLState() + ")", e);
        }
    }

    // Typed columns read with JDBC 4.0 calls: the connection pool's wrappers answer the JDBC 4.1
    // getObject(column, Type.class) by looking the method up reflectively on every call, which took
    // a tenth of the tool's CPU on the larger pages.

    /** A UUID column (PostgreSQL and H2 both give a UUID for getObject), or null. */
    public static java.util.UUID uuid(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        return value == null ? null : value instanceof java.util.UUID id ? id : java.util.UUID.fromString(value.toString());
    }

    /** A TIMESTAMP WITH TIME ZONE column as the same instant in UTC, or null. */
    public static java.time.OffsetDateTime time(ResultSet row, int column) throws SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** A DATE column, or null. */
    public static java.time.LocalDate date(ResultSet row, int column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) statement.setNull(i + 1, Types.NULL);
            else statement.setObject(i + 1, values[i]);
        }
    }
}
