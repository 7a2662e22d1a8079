package org.ombud.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ombud.shared.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class ContactsContractTests {

	@Autowired
	Contacts contacts;

	@Test
	void oneIdentityIsOnePersonAndNewIdentitiesAreLinked() {
		String email = "p-" + Tokens.random(6) + "@example.com";
		long first = contacts.identify(List.of(new ChannelIdentity("email", email)), null, "en");
		String phone = "+7916" + (1000000 + (int) (Math.random() * 8999999));
		long again = contacts.identify(List.of(new ChannelIdentity("email", email), new ChannelIdentity("phone", phone)),
				"Pat", "en");

		assertThat(again).isEqualTo(first);
		Contact contact = contacts.contact(first).orElseThrow();
		assertThat(contact.displayName()).isEqualTo("Pat");
		assertThat(contact.identities()).extracting(ChannelIdentity::channel).containsExactly("email", "phone");
		assertThat(contacts.findByIdentity("phone", phone)).contains(first);
	}

	@Test
	void theSamePersonWritingFromManyThreadsAtOnceIsOneContact() throws Exception {
		String email = "race-" + Tokens.random(6) + "@example.com";
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Long>> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return contacts.identify(List.of(new ChannelIdentity("email", email)), null, "en");
			}));
		}
		start.countDown();
		Set<Long> ids = new HashSet<>();
		for (Future<Long> f : results) {
			ids.add(f.get());
		}
		pool.shutdown();
		assertThat(ids).hasSize(1);
	}
}
