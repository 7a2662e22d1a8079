package org.ombud.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.Subcategory;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Team;
import org.springframework.stereotype.Component;

/** The names of teams, agents and categories, read once per page so rows need no queries of their own. */
@Component
class Names {

	private final AgentDirectory directory;

	private final Categories categories;

	Names(AgentDirectory directory, Categories categories) {
		this.directory = directory;
		this.categories = categories;
	}

	Snapshot snapshot(String language) {
		return new Snapshot(directory.teams(), directory.agents(), categories.all(), language);
	}

	/** One read of the catalogue; names in the agent's language. */
	static final class Snapshot {

		final List<Team> teams;

		final List<Agent> agents;

		final List<Category> categories;

		final String language;

		private final Map<Long, Team> teamsById = new HashMap<>();

		private final Map<String, Team> teamsByKey = new HashMap<>();

		private final Map<Long, Agent> agentsById = new HashMap<>();

		private final Map<String, Agent> agentsByUsername = new HashMap<>();

		private final Map<Long, Category> categoriesById = new HashMap<>();

		private final Map<Long, Subcategory> subcategoriesById = new HashMap<>();

		Snapshot(List<Team> teams, List<Agent> agents, List<Category> categories, String language) {
			this.teams = teams;
			this.agents = agents;
			this.categories = categories;
			this.language = language;
			teams.forEach(t -> {
				teamsById.put(t.id(), t);
				teamsByKey.put(t.key(), t);
			});
			agents.forEach(a -> {
				agentsById.put(a.id(), a);
				agentsByUsername.put(a.username(), a);
			});
			categories.forEach(c -> {
				categoriesById.put(c.id(), c);
				c.subcategories().forEach(s -> subcategoriesById.put(s.id(), s));
			});
		}

		String team(long id) {
			Team team = teamsById.get(id);
			return team == null ? "#" + id : team.name();
		}

		String teamByKey(String key) {
			Team team = key == null ? null : teamsByKey.get(key);
			return team == null ? key : team.name();
		}

		/** The agent's display name, or null for nobody. */
		String agent(Long id) {
			if (id == null) {
				return null;
			}
			Agent agent = agentsById.get(id);
			return agent == null ? "#" + id : agent.displayName();
		}

		String agentByUsername(String username) {
			Agent agent = username == null ? null : agentsByUsername.get(username);
			return agent == null ? username : agent.displayName();
		}

		String category(long id) {
			Category category = categoriesById.get(id);
			return category == null ? "#" + id : category.name(language);
		}

		String subcategory(Long id) {
			if (id == null) {
				return null;
			}
			Subcategory sub = subcategoriesById.get(id);
			return sub == null ? "#" + id : sub.name(language);
		}

		/** A timeline value such as {@code content/games} in words: "Content / Games". */
		String classification(String value) {
			if (value == null) {
				return null;
			}
			String[] parts = value.split("/", 2);
			Category category = categories.stream().filter(c -> c.key().equals(parts[0])).findFirst().orElse(null);
			if (category == null) {
				return value;
			}
			if (parts.length == 1) {
				return category.name(language);
			}
			String sub = category.subcategories()
				.stream()
				.filter(s -> s.key().equals(parts[1]))
				.map(s -> s.name(language))
				.findFirst()
				.orElse(parts[1]);
			return category.name(language) + " / " + sub;
		}

		List<Agent> activeAgents() {
			return agents.stream().filter(Agent::active).toList();
		}

		List<Category> activeCategories() {
			return categories.stream()
				.filter(Category::active)
				.map(c -> new Category(c.id(), c.key(), c.nameEn(), c.nameRu(), c.nameZh(), c.defaultTeamId(),
						c.position(), true, c.subcategories().stream().filter(Subcategory::active).toList()))
				.toList();
		}
	}
}
