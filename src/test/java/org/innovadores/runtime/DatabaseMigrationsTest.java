package org.innovadores.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.innovadores.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** The same migrations bring an empty H2 (as deploy/run opens it) and an empty PostgreSQL to one schema. */
class DatabaseMigrationsTest {

    @Test
    void migratesEmptyH2InPostgresModeThenHasNothingLeftToDo() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + System.nanoTime()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("innovadores");
        h2.setPassword("secret");
        assertMigrates(h2);
    }

    @Test
    void migratesEmptyPostgresqlThenHasNothingLeftToDo() throws SQLException {
        assertMigrates(TestDatabase.freshDatabase("migrations_test"));
    }

    private static void assertMigrates(DataSource dataSource) throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        MigrateResult first = flyway.migrate();
        assertThat(first.migrationsExecuted).isPositive();
        assertThat(flyway.migrate().migrationsExecuted).as("a second start applies nothing").isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
        assertThat(tables(dataSource)).contains("audit_event");
    }

    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        return names;
    }
}
