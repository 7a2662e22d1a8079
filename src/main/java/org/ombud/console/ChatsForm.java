package org.ombud.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ombud.conversations.ChatFilter;
import org.ombud.identity.Agent;
import org.ombud.identity.Visibility;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The chat list's filters as typed in the URL; anything unreadable counts as "not filtered". {@code team} is
 * empty (my teams and the chats without a team), {@code all} (every team: admins and supervisors), {@code none}
 * (chats without a team) or a team id (one of the agent's teams, any team for admins and supervisors);
 * {@code mine}, {@code starred}, {@code unread} are on when {@code 1}; {@code channel} is a channel key;
 * {@code limit} shows more rows than the first hundred.
 */
record ChatsForm(String team, String mine, String starred, String unread, String channel, String limit) {

	static final int PAGE = 60;

	static final List<String> CHANNELS = List.of("telegram", "vk", "email", "webform", "api", "phone");

	ChatsForm {
		team = clean(team);
		mine = "1".equals(mine) ? "1" : "";
		starred = "1".equals(starred) ? "1" : "";
		unread = "1".equals(unread) ? "1" : "";
		channel = channel != null && CHANNELS.contains(channel) ? channel : "";
		limit = clean(limit);
	}

	static ChatsForm empty() {
		return new ChatsForm(null, null, null, null, null, null);
	}

	int rows() {
		Long n = CaseController.id(limit);
		return n == null || n <= PAGE ? PAGE : (int) Math.min(ChatFilter.MAX_LIMIT, n);
	}

	/**
	 * The list the agent asked for within what they see: admins and supervisors any team or all of them; the
	 * others one of their teams, or by default their teams, the chats nobody routed yet (duty agents and
	 * moderators) and every chat they see apart from teams (assigned, granted, their organisations').
	 */
	ChatFilter filter(Agent me, Visibility sees) {
		Long teamId = CaseController.id(team);
		boolean all = sees.everything();
		List<Long> teams = new ArrayList<>();
		boolean unrouted = false;
		boolean allTeams = false;
		boolean theirs = false;
		if ("none".equals(team) && (all || sees.triage())) {
			unrouted = true;
		}
		else if ("all".equals(team) && all) {
			allTeams = true;
		}
		else if (teamId != null && (all || sees.teamIds().contains(teamId))) {
			teams.add(teamId);
		}
		else if (all && me.teamIds().isEmpty()) {
			// an admin in no team: the whole desk
			allTeams = true;
		}
		else {
			teams.addAll((all ? me.teamIds() : sees.teamIds()).stream().sorted().toList());
			unrouted = all || sees.triage();
			theirs = !all;
		}
		return new ChatFilter(teams, unrouted, allTeams, mine.isEmpty() ? null : me.id(), !starred.isEmpty(),
				!unread.isEmpty(), channel.isEmpty() ? null : channel, rows(), sees, theirs);
	}

	/** The filters as a query string ({@code team=3&unread=1}), empty when none is set. */
	public String query() {
		return query(rows() == PAGE ? "" : String.valueOf(rows()));
	}

	private String query(String limitValue) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("team", team);
		values.put("mine", mine);
		values.put("starred", starred);
		values.put("unread", unread);
		values.put("channel", channel);
		values.put("limit", limitValue);
		UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
		values.forEach((k, v) -> {
			if (!v.isEmpty()) {
				uri.queryParam(k, v);
			}
		});
		String q = uri.encode().build().getQuery();
		return q == null ? "" : q;
	}

	/** This list at another path (the list itself or one chat), with its filters. */
	public String url(String path) {
		String q = query();
		return q.isEmpty() ? path : path + "?" + q;
	}

	/** The same list with a hundred more rows. */
	public String moreUrl(String path) {
		String q = query(String.valueOf(Math.min(ChatFilter.MAX_LIMIT, rows() + PAGE)));
		return path + "?" + q;
	}

	private static String clean(String s) {
		return s == null || s.isBlank() || s.length() > 20 ? "" : s.strip();
	}
}
