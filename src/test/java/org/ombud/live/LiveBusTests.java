package org.ombud.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ombud.live.internal.LiveTransport;
import org.springframework.boot.health.contributor.Health;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/** When signals go out: after commit, once, to this node's subscribers and to the other nodes. */
class LiveBusTests {

	final List<LiveSignal> heard = new ArrayList<>();

	final List<LiveSignal> sentToOtherNodes = new ArrayList<>();

	final FakeTransport transport = new FakeTransport();

	final LiveBus bus = new LiveBus(transport);

	final TransactionTemplate tx = new TransactionTemplate(new NoResourceTransactions());

	@BeforeEach
	void listen() {
		bus.subscribe(heard::add);
	}

	@Test
	void aSignalPublishedInARolledBackTransactionGoesNowhere() {
		tx.executeWithoutResult(status -> {
			bus.publish(LiveSignal.caseChanged(7, 3L));
			status.setRollbackOnly();
		});
		assertThat(heard).isEmpty();
		assertThat(sentToOtherNodes).isEmpty();
	}

	@Test
	void aSignalGoesOutOnceAfterCommitAndNotBefore() {
		tx.executeWithoutResult(status -> {
			bus.publish(LiveSignal.caseChanged(7, 3L));
			assertThat(heard).isEmpty();
			assertThat(sentToOtherNodes).isEmpty();
		});
		assertThat(heard).containsExactly(LiveSignal.caseChanged(7, 3L));
		assertThat(sentToOtherNodes).containsExactly(LiveSignal.caseChanged(7, 3L));
	}

	@Test
	void outsideATransactionASignalGoesOutAtOnce() {
		bus.publish(LiveSignal.alarm(5, null));
		assertThat(heard).containsExactly(LiveSignal.alarm(5, null));
		assertThat(sentToOtherNodes).containsExactly(LiveSignal.alarm(5, null));
	}

	@Test
	void oneTransactionSendsEachCaseOrConversationOnceWithTheTeamItLearnt() {
		tx.executeWithoutResult(status -> {
			bus.publish(LiveSignal.conversation(9, null));
			bus.publish(LiveSignal.caseChanged(7, 3L));
			bus.publish(LiveSignal.conversation(9, 3L));
			bus.publish(LiveSignal.caseChanged(7, null));
			bus.publish(LiveSignal.clock(7, 3L));
		});
		assertThat(heard).containsExactly(LiveSignal.conversation(9, 3L), LiveSignal.caseChanged(7, 3L),
				LiveSignal.clock(7, 3L));
		assertThat(sentToOtherNodes).isEqualTo(heard);
	}

	@Test
	void anInnerTransactionOfItsOwnSignalsWhenItCommitsEvenIfTheOuterRollsBack() {
		TransactionTemplate inner = new TransactionTemplate(tx.getTransactionManager());
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		tx.executeWithoutResult(status -> {
			bus.publish(LiveSignal.caseChanged(1, 1L));
			inner.executeWithoutResult(s -> bus.publish(LiveSignal.caseChanged(2, 1L)));
			assertThat(heard).containsExactly(LiveSignal.caseChanged(2, 1L));
			bus.publish(LiveSignal.caseChanged(3, 1L));
			status.setRollbackOnly();
		});
		assertThat(heard).containsExactly(LiveSignal.caseChanged(2, 1L));
		assertThat(sentToOtherNodes).containsExactly(LiveSignal.caseChanged(2, 1L));
	}

	@Test
	void signalsFromOtherNodesReachThisNodesSubscribersOnly() {
		transport.fromOtherNode(LiveSignal.caseChanged(4, 2L));
		assertThat(heard).containsExactly(LiveSignal.caseChanged(4, 2L));
		assertThat(sentToOtherNodes).isEmpty();
	}

	@Test
	void aFailingSubscriberDoesNotStopTheOthersNorTheCommit() {
		bus.subscribe(signal -> {
			throw new IllegalStateException("broken screen");
		});
		tx.executeWithoutResult(status -> bus.publish(LiveSignal.caseChanged(7, 3L)));
		assertThat(heard).containsExactly(LiveSignal.caseChanged(7, 3L));
		assertThat(sentToOtherNodes).containsExactly(LiveSignal.caseChanged(7, 3L));
	}

	@Test
	void aClosedSubscriptionHearsNothingMore() throws Exception {
		List<LiveSignal> other = new ArrayList<>();
		AutoCloseable subscription = bus.subscribe(other::add);
		bus.publish(LiveSignal.caseChanged(1, null));
		subscription.close();
		bus.publish(LiveSignal.caseChanged(2, null));
		assertThat(other).containsExactly(LiveSignal.caseChanged(1, null));
	}

	@Test
	void aTopicIsAShortLowerCaseWord() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new LiveSignal("case\nevent: x", 1, null));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> new LiveSignal("", 1, null));
		assertThat(new LiveSignal("first-reply", 1, null).topic()).isEqualTo("first-reply");
	}

	final class FakeTransport implements LiveTransport {

		private Consumer<LiveSignal> local;

		@Override
		public void send(LiveSignal signal) {
			sentToOtherNodes.add(signal);
		}

		@Override
		public void receiveWith(Consumer<LiveSignal> local) {
			this.local = local;
		}

		void fromOtherNode(LiveSignal signal) {
			local.accept(signal);
		}

		@Override
		public Health health() {
			return Health.up().build();
		}
	}

	/** Transactions with synchronisation and nothing else: enough to see what happens at commit. */
	static final class NoResourceTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected Object doSuspend(Object transaction) {
			return transaction;
		}

		@Override
		protected void doResume(Object transaction, Object suspendedResources) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}
	}
}
