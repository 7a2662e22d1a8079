package org.ombud.console;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.ombud.cases.Categories;
import org.ombud.cases.Category;
import org.ombud.cases.Subcategory;
import org.ombud.identity.AgentDirectory;
import org.ombud.shared.NotFound;
import org.ombud.shared.Rejected;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: the catalogue of categories and subcategories, and where each category's cases go. */
@Controller
@RequestMapping("/console/admin/categories")
class CategoriesAdminController {

	static final String LIST = "console/admin/categories";

	static final String EDIT = "console/admin/category";

	private final Categories categories;

	private final AgentDirectory directory;

	private final ConsoleFormat format;

	CategoriesAdminController(Categories categories, AgentDirectory directory, ConsoleFormat format) {
		this.categories = categories;
		this.directory = directory;
		this.format = format;
	}

	@GetMapping
	String list(Model model) {
		return list(CategoryForm.empty(), model);
	}

	@PostMapping
	String create(CategoryForm form, Locale locale, Model model, HttpServletResponse response) {
		try {
			Category created = categories.create(form.draft());
			return "redirect:/console/admin/categories/" + created.id();
		}
		catch (Rejected rejected) {
			refused(rejected, "category", locale, model, response);
			return list(form, model);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Category category = category(id);
		return edit(category, CategoryForm.of(category), CategoryForm.empty(), model);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, CategoryForm form, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Category category = category(id);
		try {
			categories.update(id, form.draft());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/categories/" + id;
		}
		catch (Rejected rejected) {
			refused(rejected, "category", locale, model, response);
			return edit(category, new CategoryForm(category.key(), form.nameEn(), form.nameRu(), form.nameZh(),
					form.defaultTeamId(), form.position(), form.active()), CategoryForm.empty(), model);
		}
	}

	@PostMapping("/{id}/subcategories")
	String createSubcategory(@PathVariable long id, CategoryForm form, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Category category = category(id);
		try {
			categories.createSubcategory(id, form.draft());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/categories/" + id;
		}
		catch (Rejected rejected) {
			refused(rejected, "new-subcategory", locale, model, response);
			return edit(category, CategoryForm.of(category), form, model);
		}
	}

	@PostMapping("/{id}/subcategories/{subId}")
	String updateSubcategory(@PathVariable long id, @PathVariable long subId, CategoryForm form, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Category category = category(id);
		Subcategory sub = category.subcategories()
			.stream()
			.filter(s -> s.id() == subId)
			.findFirst()
			.orElseThrow(() -> new NotFound("subcategory"));
		try {
			categories.updateSubcategory(sub.id(), form.draft());
			redirect.addFlashAttribute("notice", "console.admin.saved");
			return "redirect:/console/admin/categories/" + id;
		}
		catch (Rejected rejected) {
			refused(rejected, "subcategory-" + subId, locale, model, response);
			return edit(category, CategoryForm.of(category), CategoryForm.empty(), subId,
					new CategoryForm(sub.key(), form.nameEn(), form.nameRu(), form.nameZh(), "", form.position(),
							form.active()),
					model);
		}
	}

	private void refused(Rejected rejected, String form, Locale locale, Model model, HttpServletResponse response) {
		model.addAttribute("errors", format.errors(rejected, locale));
		model.addAttribute("errorForm", form);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	private String list(CategoryForm form, Model model) {
		model.addAttribute("categories", categories.all());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("form", form);
		return LIST;
	}

	/** A subcategory on the category's page with the values its form shows. */
	record SubcategoryRow(Subcategory sub, CategoryForm form) {
	}

	private String edit(Category category, CategoryForm form, CategoryForm newSubcategory, Model model) {
		return edit(category, form, newSubcategory, null, null, model);
	}

	private String edit(Category category, CategoryForm form, CategoryForm newSubcategory, Long refusedId,
			CategoryForm refused, Model model) {
		model.addAttribute("category", category);
		model.addAttribute("subcategories", category.subcategories()
			.stream()
			.map(s -> new SubcategoryRow(s, refusedId != null && s.id() == refusedId ? refused : CategoryForm.of(s)))
			.toList());
		model.addAttribute("teams", directory.teams());
		model.addAttribute("form", form);
		model.addAttribute("newSubcategory", newSubcategory);
		return EDIT;
	}

	private Category category(long id) {
		return categories.category(id).orElseThrow(() -> new NotFound("category"));
	}
}
