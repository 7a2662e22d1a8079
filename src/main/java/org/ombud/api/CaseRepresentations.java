package org.ombud.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ombud.cases.CaseManagement;
import org.ombud.cases.CaseView;
import org.ombud.cases.Evidence;
import org.ombud.conversations.Message;
import org.ombud.intake.Receipt;
import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.Subcategory;
import org.ombud.identity.Agent;
import org.ombud.identity.AgentDirectory;
import org.ombud.identity.Team;
import org.ombud.sla.SlaClocks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Turns cases into what the API shows: ids become the keys and user names a client can use. */
@Component
class CaseRepresentations {

	private final CaseManagement cases;

	private final Categories categories;

	private final AgentDirectory directory;

	private final String publicUrl;

	private final SlaClocks clocks;

	CaseRepresentations(CaseManagement cases, Categories categories, AgentDirectory directory, SlaClocks clocks,
			@Value("${ombud.public-url}") String publicUrl) {
		this.cases = cases;
		this.clocks = clocks;
		this.categories = categories;
		this.directory = directory;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	/** The whole case; {@code statusToken} only right after it was opened, null otherwise. */
	CaseResource full(CaseView c, String statusToken) {
		return full(c, statusToken, cases.publicMessages(c), cases.evidence(c.id()));
	}

	/** A case just opened: everything it holds came back with the receipt, nothing to read again. */
	CaseResource fresh(Receipt receipt) {
		return full(receipt.caseView(), receipt.statusToken(), List.of(receipt.firstMessage()), receipt.evidence());
	}

	private CaseResource full(CaseView c, String statusToken, List<Message> publicMessages, List<Evidence> stored) {
		Names names = new Names();
		List<MessageResource> messages = publicMessages.stream().map(MessageResource::of).toList();
		List<EvidenceResource> evidence = stored.stream().map(EvidenceResource::of).toList();
		return new CaseResource(c.number(), c.status(), c.priority(), c.channel(), names.category(c.categoryId()),
				names.subcategory(c.subcategoryId()), names.team(c.teamId()), names.agent(c.assigneeId()), c.subject(),
				c.reportedObject(), c.locale(), c.createdAt(), c.updatedAt(), c.resolvedAt(), c.closedAt(),
				statusToken == null ? null : publicUrl + "/status/" + statusToken, messages, evidence,
				clocks.caseClocks(List.of(c.id())).getOrDefault(c.id(), List.of()).stream().map(ClockResource::of).toList(),
				clocks.caseBreaches(c.id(), c.conversationId(), c.createdAt()).stream().map(BreachResource::of).toList());
	}

	List<CaseSummary> summaries(List<CaseView> views) {
		Names names = new Names();
		return views.stream()
			.map(c -> new CaseSummary(c.number(), c.status(), c.priority(), c.channel(), names.category(c.categoryId()),
					names.subcategory(c.subcategoryId()), names.team(c.teamId()), names.agent(c.assigneeId()),
					c.subject(), c.reportedObject(), c.locale(), c.createdAt(), c.updatedAt(), c.resolvedAt(),
					c.closedAt()))
			.toList();
	}

	/** Keys and user names, looked up once per response however many cases it shows. */
	private final class Names {

		private final Map<Long, String> categoryKeys = new HashMap<>();

		private final Map<Long, String> subcategoryKeys = new HashMap<>();

		private final Map<Long, String> teamKeys = new HashMap<>();

		private final Map<Long, String> usernames = new HashMap<>();

		Names() {
			for (Category category : categories.all()) {
				categoryKeys.put(category.id(), category.key());
				for (Subcategory sub : category.subcategories()) {
					subcategoryKeys.put(sub.id(), sub.key());
				}
			}
		}

		String category(long id) {
			return categoryKeys.get(id);
		}

		String subcategory(Long id) {
			return id == null ? null : subcategoryKeys.get(id);
		}

		String team(long id) {
			return teamKeys.computeIfAbsent(id, k -> directory.team(k).map(Team::key).orElse(null));
		}

		String agent(Long id) {
			return id == null ? null
					: usernames.computeIfAbsent(id, k -> directory.agent(k).map(Agent::username).orElse(null));
		}
	}
}
