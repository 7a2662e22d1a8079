package org.ombud.sla;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.ombud.cases.Categories;
import org.ombud.contacts.Organisations;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.ombud.sla.internal.CalendarStore;
import org.ombud.sla.internal.PolicyStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA policies an admin keeps, and which one applies: the first in the admin's order (position, then the more
 * specific, then the older) whose criteria all match; the default policy matches everything and comes last.
 */
@Service
public class SlaPolicies {

	public static final int MAX_MINUTES = 366 * 24 * 60;

	static final Comparator<SlaPolicy> ORDER = Comparator.comparing(SlaPolicy::isDefault)
		.thenComparingInt(SlaPolicy::position)
		.thenComparing(Comparator.comparingInt(SlaPolicy::specificity).reversed())
		.thenComparingLong(SlaPolicy::id);

	private final PolicyStore store;

	private final CalendarStore calendars;

	private final Categories categories;

	private final Organisations organisations;

	private final Clock clock;

	SlaPolicies(PolicyStore store, CalendarStore calendars, Categories categories, Organisations organisations,
			Clock clock) {
		this.store = store;
		this.calendars = calendars;
		this.categories = categories;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Every policy in matching order. */
	public List<SlaPolicy> all() {
		return store.all().stream().sorted(ORDER).toList();
	}

	public Optional<SlaPolicy> get(long id) {
		return store.byId(id);
	}

	/** The policy that applies; empty only if an admin's database has lost its default. */
	public Optional<SlaPolicy> match(SlaPolicy.Circumstances circumstances) {
		return choose(all(), circumstances);
	}

	static Optional<SlaPolicy> choose(List<SlaPolicy> policies, SlaPolicy.Circumstances circumstances) {
		return policies.stream().sorted(ORDER).filter(p -> p.matches(circumstances)).findFirst();
	}

	@Transactional
	public SlaPolicy create(SlaPolicyDraft draft) {
		check(draft, false);
		return store.byId(store.insert(draft, clock.instant())).orElseThrow();
	}

	@Transactional
	public SlaPolicy update(long id, SlaPolicyDraft draft) {
		SlaPolicy current = store.byId(id).orElseThrow(() -> new NotFound("policy"));
		check(draft, current.isDefault());
		store.update(id, draft, clock.instant());
		return store.byId(id).orElseThrow();
	}

	/** Deletes a policy no clock was ever started by; the default policy stays. */
	@Transactional
	public void delete(long id) {
		SlaPolicy current = store.byId(id).orElseThrow(() -> new NotFound("policy"));
		if (current.isDefault()) {
			throw Rejected.of(null, "error.sla.policy.default");
		}
		if (store.inUse(id)) {
			throw Rejected.of(null, "error.sla.policy.inUse");
		}
		store.delete(id);
	}

	private void check(SlaPolicyDraft d, boolean isDefault) {
		List<Rejection> problems = new ArrayList<>();
		if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
			problems.add(Rejection.of("name", "error.length", 1, 200));
		}
		if (d.position() == null || d.position() < 0 || d.position() > 100_000) {
			problems.add(Rejection.of("position", "error.sla.position", 0, 100_000));
		}
		if (isDefault && (d.channel() != null || d.categoryId() != null || d.priority() != null
				|| d.organisationId() != null)) {
			problems.add(Rejection.of("channel", "error.sla.policy.defaultCriteria"));
		}
		if (d.channel() != null && !d.channel().matches("[a-z0-9_-]{1,32}")) {
			problems.add(Rejection.of("channel", "error.sla.channel"));
		}
		if (d.categoryId() != null && categories.category(d.categoryId()).isEmpty()) {
			problems.add(Rejection.of("categoryId", "error.category.unknown"));
		}
		if (d.organisationId() != null && organisations.get(d.organisationId()).isEmpty()) {
			problems.add(Rejection.of("organisationId", "error.sla.organisation"));
		}
		if (d.businessTime() && (d.calendarId() == null || calendars.byId(d.calendarId()).isEmpty())) {
			problems.add(Rejection.of("calendarId", "error.sla.calendarRequired"));
		}
		else if (d.calendarId() != null && calendars.byId(d.calendarId()).isEmpty()) {
			problems.add(Rejection.of("calendarId", "error.sla.calendarRequired"));
		}
		target("firstReply", d.firstReplyMinutes(), d.firstReplyWarnMinutes(), problems);
		target("triage", d.triageMinutes(), d.triageWarnMinutes(), problems);
		target("investigation", d.investigationMinutes(), d.investigationWarnMinutes(), problems);
		target("result", d.resultMinutes(), d.resultWarnMinutes(), problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
	}

	private static void target(String field, Integer minutes, Integer warn, List<Rejection> problems) {
		if (minutes != null && (minutes < 1 || minutes > MAX_MINUTES)) {
			problems.add(Rejection.of(field + "Minutes", "error.sla.minutes", 1, MAX_MINUTES));
		}
		if (warn != null && (minutes == null || warn < 1 || warn >= minutes)) {
			problems.add(Rejection.of(field + "WarnMinutes", "error.sla.warn"));
		}
	}
}
