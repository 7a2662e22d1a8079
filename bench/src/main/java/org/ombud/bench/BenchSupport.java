package org.ombud.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** What every benchmark driver needs: its command-line options and the plain-JDBC reference's two statements. */
final class BenchSupport {

	private BenchSupport() {
	}

	/** The value of {@code --name=value}, or the fallback. */
	static String arg(String[] args, String name, String fallback) {
		for (String a : args) {
			if (a.startsWith("--" + name + "=")) {
				return a.substring(name.length() + 3);
			}
		}
		return fallback;
	}

	static long insertReturningId(Connection c, String sql, Object... params) throws Exception {
		try (PreparedStatement ps = c.prepareStatement(sql, new String[] { "id" })) {
			bind(ps, params);
			ps.executeUpdate();
			try (ResultSet keys = ps.getGeneratedKeys()) {
				keys.next();
				return keys.getLong(1);
			}
		}
	}

	static void exec(Connection c, String sql, Object... params) throws Exception {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			bind(ps, params);
			ps.executeUpdate();
		}
	}

	private static void bind(PreparedStatement ps, Object... params) throws Exception {
		for (int i = 0; i < params.length; i++) {
			ps.setObject(i + 1, params[i]);
		}
	}
}
