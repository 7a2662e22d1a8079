package org.ombud.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.ombud.cases.internal.CategoryStore;
import org.ombud.identity.AgentDirectory;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.ombud.shared.Rejection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of categories and subcategories, and the team each category routes new cases to. */
@Service
public class Categories {

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{1,63}");

	private final CategoryStore store;

	private final AgentDirectory directory;

	Categories(CategoryStore store, AgentDirectory directory) {
		this.store = store;
		this.directory = directory;
	}

	public List<Category> all() {
		return store.all();
	}

	public List<Category> active() {
		return store.all()
			.stream()
			.filter(Category::active)
			.map(c -> new Category(c.id(), c.key(), c.nameEn(), c.nameRu(), c.nameZh(), c.defaultTeamId(),
					c.position(), true, c.subcategories().stream().filter(Subcategory::active).toList()))
			.toList();
	}

	public Optional<Category> category(long id) {
		return store.all().stream().filter(c -> c.id() == id).findFirst();
	}

	public Optional<Category> byKey(String key) {
		return store.all().stream().filter(c -> c.key().equals(key)).findFirst();
	}

	@Transactional
	public Category create(CategoryDraft draft) {
		List<Rejection> problems = check(draft, true);
		if (store.all().stream().anyMatch(c -> c.key().equals(draft.key()))) {
			problems.add(Rejection.of("key", "error.key.taken"));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		return category(store.insertCategory(draft)).orElseThrow();
	}

	@Transactional
	public Category update(long id, CategoryDraft draft) {
		category(id).orElseThrow(() -> new NotFound("category"));
		List<Rejection> problems = check(draft, false);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		store.updateCategory(id, draft);
		return category(id).orElseThrow();
	}

	@Transactional
	public Subcategory createSubcategory(long categoryId, CategoryDraft draft) {
		Category category = category(categoryId).orElseThrow(() -> new NotFound("category"));
		List<Rejection> problems = checkNames(draft, true);
		if (category.subcategories().stream().anyMatch(s -> s.key().equals(draft.key()))) {
			problems.add(Rejection.of("key", "error.key.taken"));
		}
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		long id = store.insertSubcategory(categoryId, draft);
		return category(categoryId).orElseThrow()
			.subcategories()
			.stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow();
	}

	@Transactional
	public void updateSubcategory(long subcategoryId, CategoryDraft draft) {
		if (store.all().stream().flatMap(c -> c.subcategories().stream()).noneMatch(s -> s.id() == subcategoryId)) {
			throw new NotFound("subcategory");
		}
		List<Rejection> problems = checkNames(draft, false);
		if (!problems.isEmpty()) {
			throw new Rejected(problems);
		}
		store.updateSubcategory(subcategoryId, draft);
	}

	private List<Rejection> check(CategoryDraft draft, boolean withKey) {
		List<Rejection> problems = checkNames(draft, withKey);
		if (draft.defaultTeamId() == null || directory.team(draft.defaultTeamId()).isEmpty()) {
			problems.add(Rejection.of("defaultTeamId", "error.team.unknown"));
		}
		return problems;
	}

	private static List<Rejection> checkNames(CategoryDraft draft, boolean withKey) {
		List<Rejection> problems = new ArrayList<>();
		if (withKey && (draft.key() == null || !KEY.matcher(draft.key()).matches())) {
			problems.add(Rejection.of("key", "error.key"));
		}
		checkName("nameEn", draft.nameEn(), problems);
		checkName("nameRu", draft.nameRu(), problems);
		checkName("nameZh", draft.nameZh(), problems);
		return problems;
	}

	private static void checkName(String field, String value, List<Rejection> problems) {
		if (value == null || value.isBlank() || value.length() > 200) {
			problems.add(Rejection.of(field, "error.length", 1, 200));
		}
	}
}
