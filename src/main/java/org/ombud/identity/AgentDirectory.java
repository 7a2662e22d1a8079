package org.ombud.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ombud.identity.internal.AgentStore;
import org.ombud.shared.Languages;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Agents and teams: who works the desk and in which team. */
@Service
public class AgentDirectory {

	public static final int MIN_PASSWORD_LENGTH = 10;

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

	private static final Pattern TEAM_KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");

	private final AgentStore store;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	AgentDirectory(AgentStore store, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.store = store;
		this.passwords = passwords;
		this.events = events;
	}

	public Optional<Agent> agent(long id) {
		return store.agent(id);
	}

	public Optional<Agent> agentByUsername(String username) {
		return store.agentByUsername(username);
	}

	/** The agent who linked this Telegram account: what they write in a client's group is our reply. */
	public Optional<Agent> agentByTelegramUserId(long telegramUserId) {
		return store.agentByTelegramUserId(telegramUserId);
	}

	public Optional<Long> telegramUserId(long agentId) {
		return store.telegramUserId(agentId);
	}

	/**
	 * Links the agent's Telegram account (its numeric user id, as text from a form), or unlinks it with a blank
	 * value. One Telegram account belongs to at most one agent.
	 */
	@Transactional
	public void linkTelegram(long agentId, String telegramUserId) {
		store.agent(agentId).orElseThrow(() -> new org.ombud.shared.NotFound("agent"));
		if (telegramUserId == null || telegramUserId.isBlank()) {
			store.updateTelegramUserId(agentId, null);
			return;
		}
		long id;
		try {
			id = Long.parseLong(telegramUserId.strip());
		}
		catch (NumberFormatException e) {
			throw Rejected.of("telegramUserId", "error.agent.telegram");
		}
		if (id <= 0) {
			throw Rejected.of("telegramUserId", "error.agent.telegram");
		}
		Optional<Agent> owner = store.agentByTelegramUserId(id);
		if (owner.isPresent() && owner.get().id() != agentId) {
			throw Rejected.of("telegramUserId", "error.agent.telegram.taken");
		}
		store.updateTelegramUserId(agentId, id);
	}

	public List<Agent> agents() {
		return store.agents();
	}

	public List<Agent> members(long teamId) {
		return store.agents().stream().filter(a -> a.teamIds().contains(teamId)).toList();
	}

	public long countAgents() {
		return store.countAgents();
	}

	@Transactional
	public Agent create(NewAgent agent) {
		List<Rejection> problems = new ArrayList<>();
		String username = agent.username() == null ? "" : agent.username().trim().toLowerCase();
		if (!USERNAME.matcher(username).matches()) {
			problems.add(Rejection.of("username", "error.agent.username"));
		}
		else if (store.agentByUsername(username).isPresent()) {
			problems.add(Rejection.of("username", "error.agent.username.taken"));
		}
		checkDisplayName(agent.displayName(), problems);
		if (agent.password() == null || agent.password().length() < MIN_PASSWORD_LENGTH) {
			problems.add(Rejection.of("password", "error.agent.password", MIN_PASSWORD_LENGTH));
		}
		if (agent.role() == null) {
			problems.add(Rejection.of("role", "error.required"));
		}
		checkTeams(agent.teamIds(), problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		long id = store.insertAgent(username, agent.displayName().trim(), blankToNull(agent.email()),
				passwords.encode(agent.password()), agent.role(), Languages.of(agent.locale()));
		store.replaceTeams(id, agent.teamIds() == null ? Set.of() : agent.teamIds());
		return store.agent(id).orElseThrow();
	}

	@Transactional
	public Agent update(long id, String displayName, Role role, boolean active, Set<Long> teamIds) {
		Agent before = store.agent(id).orElseThrow(() -> new org.ombud.shared.NotFound("agent"));
		List<Rejection> problems = new ArrayList<>();
		checkDisplayName(displayName, problems);
		if (role == null) {
			problems.add(Rejection.of("role", "error.required"));
		}
		checkTeams(teamIds, problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		store.updateAgent(id, displayName.trim(), role, active);
		store.replaceTeams(id, teamIds == null ? Set.of() : teamIds);
		if (before.role() != role || (before.active() && !active)) {
			events.publishEvent(new AgentAccessChanged(id));
		}
		return store.agent(id).orElseThrow();
	}

	@Transactional
	public void changePassword(long id, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			throw Rejected.of("password", "error.agent.password", MIN_PASSWORD_LENGTH);
		}
		store.updatePassword(id, passwords.encode(password));
		events.publishEvent(new AgentAccessChanged(id));
	}

	@Transactional
	public void changeLocale(long id, String locale) {
		if (locale == null || !Languages.SUPPORTED.contains(locale)) {
			throw Rejected.of("locale", "error.locale");
		}
		store.updateLocale(id, locale);
	}

	/** On duty, the agent gets alarms (at the top of the chat list and as browser notifications). */
	@Transactional
	public void changeDuty(long id, boolean onDuty) {
		store.agent(id).orElseThrow(() -> new org.ombud.shared.NotFound("agent"));
		store.updateOnDuty(id, onDuty);
	}

	public List<Team> teams() {
		return store.teams();
	}

	public Optional<Team> team(long id) {
		return store.team(id);
	}

	public Optional<Team> teamByKey(String key) {
		return store.teamByKey(key);
	}

	@Transactional
	public Team createTeam(String key, String name) {
		List<Rejection> problems = new ArrayList<>();
		String k = key == null ? "" : key.trim().toLowerCase();
		if (!TEAM_KEY.matcher(k).matches()) {
			problems.add(Rejection.of("key", "error.key"));
		}
		else if (store.teamByKey(k).isPresent()) {
			problems.add(Rejection.of("key", "error.key.taken"));
		}
		checkName(name, problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return store.team(store.insertTeam(k, name.trim())).orElseThrow();
	}

	@Transactional
	public Team renameTeam(long id, String name) {
		store.team(id).orElseThrow(() -> new org.ombud.shared.NotFound("team"));
		List<Rejection> problems = new ArrayList<>();
		checkName(name, problems);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		store.renameTeam(id, name.trim());
		return store.team(id).orElseThrow();
	}

	/** Makes an active agent the team's lead (told of the team's SLA breaches), or nobody with {@code null}. */
	@Transactional
	public Team changeTeamLead(long id, Long agentId) {
		store.team(id).orElseThrow(() -> new org.ombud.shared.NotFound("team"));
		if (agentId != null && store.agent(agentId).filter(Agent::active).isEmpty()) {
			throw Rejected.of("lead", "error.agent.unknown");
		}
		store.changeTeamLead(id, agentId);
		return store.team(id).orElseThrow();
	}

	private void checkTeams(Set<Long> teamIds, List<Rejection> problems) {
		if (teamIds != null && teamIds.stream().anyMatch(t -> store.team(t).isEmpty())) {
			problems.add(Rejection.of("teamIds", "error.team.unknown"));
		}
	}

	private static void checkDisplayName(String displayName, List<Rejection> problems) {
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			problems.add(Rejection.of("displayName", "error.length", 1, 200));
		}
	}

	private static void checkName(String name, List<Rejection> problems) {
		if (name == null || name.isBlank() || name.length() > 200) {
			problems.add(Rejection.of("name", "error.length", 1, 200));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
