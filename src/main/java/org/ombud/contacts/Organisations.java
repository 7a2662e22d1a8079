package org.ombud.contacts;

import java.util.List;
import java.util.Optional;

import org.ombud.contacts.internal.OrganisationStore;
import org.ombud.shared.Rejected;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Client organisations: created, renamed and handed to an account manager and a team. */
@Service
public class Organisations {

	public static final int MAX_NAME = 200;

	private final OrganisationStore store;

	Organisations(OrganisationStore store) {
		this.store = store;
	}

	@Transactional
	public Organisation create(String name, Long accountManagerId, Long teamId) {
		return store.byId(store.insert(checkName(name), accountManagerId, teamId)).orElseThrow();
	}

	@Transactional
	public Organisation update(long id, String name, Long accountManagerId, Long teamId) {
		if (!store.update(id, checkName(name), accountManagerId, teamId)) {
			throw new org.ombud.shared.NotFound("organisation");
		}
		return store.byId(id).orElseThrow();
	}

	public Optional<Organisation> get(long id) {
		return store.byId(id);
	}

	public List<Organisation> all() {
		return store.all();
	}

	/** The organisations this agent is account manager of. */
	public List<Long> managedBy(long agentId) {
		return store.managedBy(agentId);
	}

	private static String checkName(String name) {
		if (name == null || name.isBlank()) {
			throw Rejected.of("name", "error.required");
		}
		if (name.trim().length() > MAX_NAME) {
			throw Rejected.of("name", "error.length", 1, MAX_NAME);
		}
		return name.trim();
	}
}
