package org.ombud.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ombud.identity.ApiTokens;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Receipt;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Case numbers stay unique when many cases are opened at once, on H2 and on PostgreSQL. */
@SpringBootTest
class CaseNumberConcurrencyTests {

	static final int CASES = 1_000;

	static final int THREADS = 32;

	@Autowired
	Intake intake;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Test
	void aThousandCasesFromThirtyTwoThreadsGetAThousandNumbers() throws Exception {
		String marker = "num-" + Tokens.random(9).toLowerCase().replaceAll("[^a-z0-9]", "x");
		long token = tokens.create(marker, null).token().id();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<Receipt>> futures = new ArrayList<>();
		try {
			for (int i = 0; i < CASES; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					return intake.submit(new Submission(Channels.API, "Race " + n,
							marker + "-" + n + "@example.org", null, null, "en", "content", null,
							marker + " case " + n, null, null, List.of(), Actor.api(token)));
				}));
			}
			start.countDown();
			Set<String> numbers = new HashSet<>();
			for (Future<Receipt> future : futures) {
				numbers.add(future.get(5, TimeUnit.MINUTES).number());
			}

			assertThat(numbers).hasSize(CASES).allMatch(number -> number.matches("C-\\d{4}-\\d{6,}"));
			long rows = jdbc.sql("select count(*) from cases where subject like ?")
				.param(marker + " case %")
				.query(Long.class)
				.single();
			assertThat(rows).isEqualTo(CASES);
			List<String> stored = jdbc.sql("select case_number from cases where subject like ?")
				.param(marker + " case %")
				.query(String.class)
				.list();
			assertThat(new HashSet<>(stored)).isEqualTo(numbers);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
