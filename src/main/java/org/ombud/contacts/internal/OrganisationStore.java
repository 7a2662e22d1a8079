package org.ombud.contacts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.ombud.contacts.Organisation;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class OrganisationStore {

	private static final String COLUMNS = "id, name, account_manager_id, team_id, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	OrganisationStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long insert(String name, Long accountManagerId, Long teamId) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into organisations (name, account_manager_id, team_id, created_at) values (?, ?, ?, ?)")
			.params(name, accountManagerId, teamId, SqlTime.param(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public boolean update(long id, String name, Long accountManagerId, Long teamId) {
		return jdbc.sql("update organisations set name = ?, account_manager_id = ?, team_id = ? where id = ?")
			.params(name, accountManagerId, teamId, id)
			.update() == 1;
	}

	public Optional<Organisation> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from organisations where id = ?").param(id).query(this::row).optional();
	}

	public List<Long> managedBy(long agentId) {
		return jdbc.sql("select id from organisations where account_manager_id = ?").param(agentId).query(Long.class).list();
	}

	public List<Organisation> all() {
		return jdbc.sql("select " + COLUMNS + " from organisations order by name, id").query(this::row).list();
	}

	private Organisation row(ResultSet rs, int n) throws SQLException {
		return new Organisation(rs.getLong("id"), rs.getString("name"), rs.getObject("account_manager_id", Long.class),
				rs.getObject("team_id", Long.class), SqlTime.get(rs, "created_at"));
	}
}
