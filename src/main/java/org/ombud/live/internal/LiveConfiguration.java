package org.ombud.live.internal;

import java.sql.DatabaseMetaData;
import java.util.UUID;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Chooses how signals reach the other nodes by the database this node runs on, once, at start. */
@Configuration(proxyBeanMethods = false)
class LiveConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LiveConfiguration.class);

	@Bean
	LiveTransport liveTransport(DataSource dataSource) throws MetaDataAccessException {
		String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
		if ("PostgreSQL".equalsIgnoreCase(product)) {
			String node = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			log.info("Live updates: PostgreSQL LISTEN/NOTIFY on channel {}, node {}", PostgresNotifications.CHANNEL, node);
			return new PostgresNotifications(dataSource, node);
		}
		// the embedded database serves one node only
		return LiveTransport.LOCAL;
	}

	/** {@code /actuator/health} component {@code live}: down while a node cannot hear the others. */
	@Bean
	HealthIndicator liveHealthIndicator(LiveTransport transport) {
		return transport::health;
	}
}
