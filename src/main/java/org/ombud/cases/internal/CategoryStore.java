package org.ombud.cases.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ombud.cases.Category;
import org.ombud.cases.CategoryDraft;
import org.ombud.cases.Subcategory;
import org.ombud.shared.ShortLivedCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CategoryStore {

	// every intake reads the catalogue; it changes rarely
	private final ShortLivedCache<List<Category>> cache = new ShortLivedCache<>(Duration.ofSeconds(5));

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> all() {
		return cache.get(this::load);
	}

	private void changed() {
		cache.invalidate();
	}

	private List<Category> load() {
		Map<Long, List<Subcategory>> subs = new HashMap<>();
		jdbc.sql("""
				select id, category_id, subcategory_key, name_en, name_ru, name_zh, position, active
				from subcategories order by position, id""")
			.query((rs, n) -> new Subcategory(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8)))
			.list()
			.forEach(s -> subs.computeIfAbsent(s.categoryId(), k -> new ArrayList<>()).add(s));
		return jdbc.sql("""
				select id, category_key, name_en, name_ru, name_zh, default_team_id, position, active
				from categories order by position, id""")
			.query((rs, n) -> new Category(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), rs.getInt(7), rs.getBoolean(8),
					subs.getOrDefault(rs.getLong(1), List.of())))
			.list();
	}

	public long insertCategory(CategoryDraft d) {
		changed();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into categories (category_key, name_en, name_ru, name_zh, default_team_id, position, active)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(d.key(), d.nameEn().trim(), d.nameRu().trim(), d.nameZh().trim(), d.defaultTeamId(), d.position(),
					d.active())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updateCategory(long id, CategoryDraft d) {
		changed();
		jdbc.sql("""
				update categories set name_en = ?, name_ru = ?, name_zh = ?, default_team_id = ?, position = ?, active = ?
				where id = ?""")
			.params(d.nameEn().trim(), d.nameRu().trim(), d.nameZh().trim(), d.defaultTeamId(), d.position(),
					d.active(), id)
			.update();
	}

	public long insertSubcategory(long categoryId, CategoryDraft d) {
		changed();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into subcategories (category_id, subcategory_key, name_en, name_ru, name_zh, position, active)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(categoryId, d.key(), d.nameEn().trim(), d.nameRu().trim(), d.nameZh().trim(), d.position(),
					d.active())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updateSubcategory(long id, CategoryDraft d) {
		changed();
		jdbc.sql("update subcategories set name_en = ?, name_ru = ?, name_zh = ?, position = ?, active = ? where id = ?")
			.params(d.nameEn().trim(), d.nameRu().trim(), d.nameZh().trim(), d.position(), d.active(), id)
			.update();
	}
}
