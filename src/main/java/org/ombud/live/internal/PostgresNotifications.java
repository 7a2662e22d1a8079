package org.ombud.live.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.ombud.live.LiveSignal;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Live signals between nodes on PostgreSQL: a committed signal goes out with {@code pg_notify} on the channel
 * {@value #CHANNEL}; every node {@code LISTEN}s on one long-lived connection and hands the other nodes' signals
 * to its own subscribers (its own it delivered already, at commit).
 * <p>
 * The listening connection is opened beside the pool, with the pool's URL and credentials, rather than
 * borrowed from it: it lives as long as the node, and a pool would see it as leaked, retire it at its maximum
 * lifetime and be one connection short for requests. Only if the pool is not Hikari (so its settings cannot be
 * read) is one pool connection held instead, deliberately, for the node's life.
 * <p>
 * Sending runs on a thread of its own with short borrows from the pool: a committing request never waits on
 * the network and never holds two connections at once. Signals are hints for open screens, not records: one
 * that cannot be sent is logged and dropped, and a console catches up at its next refresh.
 */
final class PostgresNotifications implements LiveTransport, SmartLifecycle {

	static final String CHANNEL = "ombud_live";

	private static final Logger log = LoggerFactory.getLogger(PostgresNotifications.class);

	private static final int POLL_MILLIS = 500;

	private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

	private static final Duration FIRST_RETRY = Duration.ofMillis(250);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	private static final Duration START_WAIT = Duration.ofSeconds(5);

	private static final int QUEUE = 10_000;

	private static final int BATCH = 200;

	enum State {
		STARTING, LISTENING, RECONNECTING, STOPPED
	}

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final String node;

	private final BlockingQueue<LiveSignal> outgoing = new LinkedBlockingQueue<>(QUEUE);

	private final AtomicLong dropped = new AtomicLong();

	private final AtomicLong received = new AtomicLong();

	private volatile Consumer<LiveSignal> local = signal -> {
	};

	private volatile boolean running;

	private volatile State state = State.STOPPED;

	private volatile String lastFailure;

	private volatile CountDownLatch firstListen = new CountDownLatch(1);

	private Thread listener;

	private Thread sender;

	PostgresNotifications(DataSource dataSource, String node) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.node = node;
	}

	@Override
	public void send(LiveSignal signal) {
		if (!outgoing.offer(signal) && dropped.incrementAndGet() % 1000 == 1) {
			log.warn("Live updates: {} signals for other nodes dropped, the sender cannot keep up", dropped.get());
		}
	}

	@Override
	public void receiveWith(Consumer<LiveSignal> local) {
		this.local = local;
	}

	State state() {
		return state;
	}

	String node() {
		return node;
	}

	@Override
	public Health health() {
		Health.Builder health = switch (state) {
			case LISTENING -> Health.up();
			case STARTING -> Health.unknown();
			case RECONNECTING -> Health.down();
			case STOPPED -> Health.outOfService();
		};
		health.withDetail("transport", "postgresql")
			.withDetail("channel", CHANNEL)
			.withDetail("node", node)
			.withDetail("received", received.get());
		if (dropped.get() > 0) {
			health.withDetail("dropped", dropped.get());
		}
		if (state != State.LISTENING && lastFailure != null) {
			health.withDetail("failure", lastFailure);
		}
		return health.build();
	}

	/** Starts both threads and waits a little for the first LISTEN, so a node that is up also hears. */
	@Override
	public void start() {
		running = true;
		state = State.STARTING;
		firstListen = new CountDownLatch(1);
		listener = Thread.ofPlatform().name("ombud-live-listener").daemon().start(this::listen);
		sender = Thread.ofPlatform().name("ombud-live-sender").daemon().start(this::sendLoop);
		try {
			if (!firstListen.await(START_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				log.warn("Live updates: not listening yet ({}); other nodes' changes arrive once it is", lastFailure);
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		running = false;
		// the sender is left to finish its batch (it checks every half second); the listener may be in a retry pause
		if (listener != null) {
			listener.interrupt();
		}
		for (Thread thread : new Thread[] { listener, sender }) {
			if (thread == null) {
				continue;
			}
			try {
				thread.join(2 * POLL_MILLIS + 1000);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		state = State.STOPPED;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listen() {
		Duration retry = FIRST_RETRY;
		while (running) {
			try (Connection connection = open()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				PGConnection pg = connection.unwrap(PGConnection.class);
				if (state == State.RECONNECTING) {
					log.info("Live updates: listening again");
				}
				state = State.LISTENING;
				retry = FIRST_RETRY;
				firstListen.countDown();
				long checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
				while (running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							receive(notification.getParameter());
						}
					}
					// a connection lost without a word (a dropped network) only shows when we speak
					if (System.nanoTime() - checkAt > 0) {
						if (!connection.isValid(5)) {
							throw new SQLException("the listening connection stopped answering");
						}
						checkAt = System.nanoTime() + CHECK_EVERY.toNanos();
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (!running) {
					break;
				}
				state = State.RECONNECTING;
				lastFailure = e.getMessage();
				log.warn("Live updates: listening failed ({}); trying again in {} ms", e.getMessage(), retry.toMillis());
				try {
					Thread.sleep(retry);
				}
				catch (InterruptedException interrupted) {
					// stop() interrupts; the loop condition decides
				}
				retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
			}
		}
	}

	private void receive(String text) {
		LivePayload.parse(text).ifPresentOrElse(payload -> {
			if (!payload.node().equals(node)) {
				received.incrementAndGet();
				local.accept(payload.signal());
			}
		}, () -> log.debug("Live updates: ignored a notification that is not a signal"));
	}

	private Connection open() throws SQLException {
		if (dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
			if (pool.getJdbcUrl() != null) {
				Properties properties = new Properties();
				properties.putAll(pool.getDataSourceProperties());
				if (pool.getUsername() != null) {
					properties.setProperty("user", pool.getUsername());
				}
				if (pool.getPassword() != null) {
					properties.setProperty("password", pool.getPassword());
				}
				properties.setProperty("ApplicationName", "ombud-live-" + node);
				Connection connection = new org.postgresql.Driver().connect(pool.getJdbcUrl(), properties);
				if (connection == null) {
					throw new SQLException("PgJDBC does not take the pool's URL");
				}
				return connection;
			}
		}
		return dataSource.getConnection();
	}

	private void sendLoop() {
		List<LiveSignal> batch = new ArrayList<>();
		while (running || !outgoing.isEmpty()) {
			LiveSignal first;
			try {
				first = outgoing.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException e) {
				continue;
			}
			if (first == null) {
				continue;
			}
			batch.clear();
			batch.add(first);
			outgoing.drainTo(batch, BATCH - 1);
			try {
				jdbc.execute((ConnectionCallback<Void>) connection -> {
					try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
						for (LiveSignal signal : batch) {
							notify.setString(1, CHANNEL);
							notify.setString(2, new LivePayload(node, signal).text());
							notify.execute();
						}
					}
					return null;
				});
			}
			catch (RuntimeException e) {
				log.warn("Live updates: could not tell the other nodes about {} signal(s): {}", batch.size(),
						e.getMessage());
			}
		}
	}
}
