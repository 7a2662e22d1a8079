package org.ombud.trackers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ombud.shared.SqlTime;
import org.ombud.trackers.Tracker;
import org.ombud.trackers.TrackerFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class TrackerStore {

	private static final String COLUMNS = "id, name, url, format, target, active, created_at";

	private final JdbcClient jdbc;

	TrackerStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Tracker> all() {
		return jdbc.sql("select " + COLUMNS + " from trackers order by name, id").query(TrackerStore::tracker).list();
	}

	public Optional<Tracker> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from trackers where id = ?").param(id).query(TrackerStore::tracker).optional();
	}

	/** The secret, for signing only. */
	public Optional<String> secret(long id) {
		return jdbc.sql("select secret from trackers where id = ?").param(id).query(String.class).optional();
	}

	public long insert(String name, String url, TrackerFormat format, String target, String secret, boolean active,
			Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into trackers (name, url, format, target, secret, active, created_at) values (?, ?, ?, ?, ?, ?, ?)")
			.params(name, url, format.name(), target, secret, active, SqlTime.param(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Changes a tracker; a null secret keeps the stored one. */
	public boolean update(long id, String name, String url, TrackerFormat format, String target, String secret,
			boolean active) {
		return jdbc.sql("""
				update trackers set name = ?, url = ?, format = ?, target = ?, secret = coalesce(?, secret), active = ?
				where id = ?""")
			.params(name, url, format.name(), target, secret, active, id)
			.update() == 1;
	}

	private static Tracker tracker(ResultSet rs, int n) throws SQLException {
		return new Tracker(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
				TrackerFormat.valueOf(rs.getString("format")), rs.getString("target"), rs.getBoolean("active"),
				SqlTime.get(rs, "created_at"));
	}
}
