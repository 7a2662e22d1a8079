package org.ombud.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ombud.identity.Agent;
import org.ombud.identity.AgentPrincipal;
import org.ombud.identity.Role;
import org.ombud.identity.Team;
import org.ombud.shared.ShortLivedCache;
import org.ombud.shared.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Agents, teams and memberships in SQL. */
@Repository
public class AgentStore {

	private static final String AGENT_COLUMNS = "id, username, display_name, email, role, locale, active, on_duty";

	private final JdbcClient jdbc;

	private final Clock clock;

	AgentStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<Agent> agent(long id) {
		return jdbc.sql("select " + AGENT_COLUMNS + " from agents where id = ?").param(id)
			.query((rs, n) -> agent(rs, teamsOf(rs.getLong("id"))))
			.optional();
	}

	public Optional<Agent> agentByUsername(String username) {
		return jdbc.sql("select " + AGENT_COLUMNS + " from agents where username = ?").param(username)
			.query((rs, n) -> agent(rs, teamsOf(rs.getLong("id"))))
			.optional();
	}

	public Optional<Agent> agentByTelegramUserId(long telegramUserId) {
		return jdbc.sql("select " + AGENT_COLUMNS + " from agents where telegram_user_id = ?").param(telegramUserId)
			.query((rs, n) -> rs.getLong("id"))
			.optional()
			.flatMap(this::agent);
	}

	public Optional<Long> telegramUserId(long agentId) {
		return jdbc.sql("select telegram_user_id from agents where id = ?")
			.param(agentId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.optional()
			.filter(java.util.Objects::nonNull);
	}

	public void updateTelegramUserId(long agentId, Long telegramUserId) {
		jdbc.sql("update agents set telegram_user_id = ? where id = ?").params(telegramUserId, agentId).update();
	}

	public Optional<AgentPrincipal> principal(String username) {
		return jdbc.sql("select id, username, password_hash, role, active from agents where username = ?")
			.param(username)
			.query((rs, n) -> new AgentPrincipal(rs.getLong("id"), rs.getString("username"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active")))
			.optional();
	}

	/** The agents with this e-mail address (ignoring case); more than one means the address names nobody. */
	public List<AgentPrincipal> principalsByEmail(String email) {
		return jdbc.sql("select id, username, password_hash, role, active from agents where lower(email) = lower(?)")
			.param(email)
			.query((rs, n) -> new AgentPrincipal(rs.getLong("id"), rs.getString("username"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active")))
			.list();
	}

	public List<Agent> agents() {
		Map<Long, Set<Long>> memberships = new HashMap<>();
		jdbc.sql("select agent_id, team_id from team_members")
			.query(rs -> {
				memberships.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
			});
		return jdbc.sql("select " + AGENT_COLUMNS + " from agents order by display_name, id")
			.query((rs, n) -> agent(rs, memberships.getOrDefault(rs.getLong("id"), Set.of())))
			.list();
	}

	public long countAgents() {
		return jdbc.sql("select count(*) from agents").query(Long.class).single();
	}

	public long insertAgent(String username, String displayName, String email, String passwordHash, Role role,
			String locale) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into agents (username, display_name, email, password_hash, role, locale, active, created_at)
				values (?, ?, ?, ?, ?, ?, true, ?)""")
			.params(username, displayName, email, passwordHash, role.name(), locale, SqlTime.param(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updateAgent(long id, String displayName, Role role, boolean active) {
		jdbc.sql("update agents set display_name = ?, role = ?, active = ? where id = ?")
			.params(displayName, role.name(), active, id)
			.update();
	}

	public void updatePassword(long id, String passwordHash) {
		jdbc.sql("update agents set password_hash = ? where id = ?").params(passwordHash, id).update();
	}

	public void updateOnDuty(long id, boolean onDuty) {
		jdbc.sql("update agents set on_duty = ? where id = ?").params(onDuty, id).update();
	}

	public void updateLocale(long id, String locale) {
		jdbc.sql("update agents set locale = ? where id = ?").params(locale, id).update();
	}

	public void replaceTeams(long agentId, Set<Long> teamIds) {
		jdbc.sql("delete from team_members where agent_id = ?").param(agentId).update();
		for (Long teamId : teamIds) {
			jdbc.sql("insert into team_members (team_id, agent_id) values (?, ?)").params(teamId, agentId).update();
		}
	}

	// teams are read on almost every request and change rarely
	private final ShortLivedCache<List<Team>> teams = new ShortLivedCache<>(Duration.ofSeconds(5));

	public List<Team> teams() {
		return teams.get(() -> jdbc.sql("select id, team_key, name, lead_agent_id from teams order by name, id")
			.query(AgentStore::team)
			.list());
	}

	public Optional<Team> team(long id) {
		return teams().stream().filter(t -> t.id() == id).findFirst();
	}

	public Optional<Team> teamByKey(String key) {
		return teams().stream().filter(t -> t.key().equals(key)).findFirst();
	}

	private void teamsChanged() {
		teams.invalidate();
	}

	public long insertTeam(String key, String name) {
		teamsChanged();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into teams (team_key, name, created_at) values (?, ?, ?)")
			.params(key, name, SqlTime.param(clock.instant()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void renameTeam(long id, String name) {
		teamsChanged();
		jdbc.sql("update teams set name = ? where id = ?").params(name, id).update();
	}

	public void changeTeamLead(long id, Long agentId) {
		teamsChanged();
		jdbc.sql("update teams set lead_agent_id = ? where id = ?").params(agentId, id).update();
	}

	private Set<Long> teamsOf(long agentId) {
		return new HashSet<>(jdbc.sql("select team_id from team_members where agent_id = ?")
			.param(agentId)
			.query(Long.class)
			.list());
	}

	private static Agent agent(ResultSet rs, Set<Long> teams) throws SQLException {
		return new Agent(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getString("locale"),
				rs.getBoolean("active"), teams, rs.getBoolean("on_duty"));
	}

	private static Team team(ResultSet rs, int n) throws SQLException {
		return new Team(rs.getLong("id"), rs.getString("team_key"), rs.getString("name"),
				rs.getObject("lead_agent_id", Long.class));
	}
}
