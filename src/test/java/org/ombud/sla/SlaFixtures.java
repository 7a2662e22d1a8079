package org.ombud.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.CaseView;
import org.ombud.cases.Priority;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Team;
import org.ombud.intake.Channels;
import org.ombud.intake.Intake;
import org.ombud.intake.Submission;
import org.ombud.shared.Actor;
import org.ombud.shared.Tokens;

/** Own categories, teams, policies and cases for each SLA test, under fresh names. */
public final class SlaFixtures {

	private SlaFixtures() {
	}

	public static String unique(String prefix) {
		return prefix + Tokens.random(8).toLowerCase().replaceAll("[^a-z0-9]", "x");
	}

	public static Team team(AgentDirectory directory) {
		String key = unique("sla");
		return directory.createTeam(key, "Team " + key);
	}

	public static Category category(Categories categories, Team team) {
		String key = unique("sla");
		return categories.create(new CategoryDraft(key, "Cat " + key, "Кат " + key, "类 " + key, team.id(), 500, true));
	}

	/** A policy for one category only, ahead of the seeded ones, in calendar time unless a calendar is given. */
	public static SlaPolicyDraft policy(Category category, Long calendarId, Integer triage, Integer investigation,
			Integer result, boolean raisePriority) {
		return new SlaPolicyDraft("Policy " + category.key(), 1, null, category.id(), null, null, calendarId != null,
				calendarId, null, null, true, triage, null, investigation, null, result, null, true, raisePriority);
	}

	public static CaseView open(Intake intake, Category category) {
		return intake.submit(new Submission(Channels.WEBFORM, "Complainant", unique("p") + "@example.com", null, null,
				"en", category.key(), null, "Something is wrong", "https://social.example/p/1", Priority.NORMAL,
				List.of(), Actor.CONTACT)).caseView();
	}

	/** Waits (briefly polling, never for a deadline) until the condition holds; fails after the timeout. */
	public static Duration await(Duration timeout, BooleanSupplier condition) {
		Instant start = Instant.now();
		while (!condition.getAsBoolean()) {
			if (Duration.between(start, Instant.now()).compareTo(timeout) > 0) {
				throw new AssertionError("condition not met within " + timeout);
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		return Duration.between(start, Instant.now());
	}
}
