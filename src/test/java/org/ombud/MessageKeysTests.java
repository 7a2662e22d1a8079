package org.ombud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

/**
 * The i18n guard: every message key exists in English, Russian and Chinese; every key a template names exists;
 * and no template shows a person text that does not come from a message key.
 */
class MessageKeysTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	static final Path TEMPLATES = RESOURCES.resolve("templates");

	static final List<String> BASENAMES = List.of("messages", "messages-console", "messages-portal", "messages-api",
			"messages-outbox");

	static final List<String> TRANSLATIONS = List.of("ru", "zh");

	/** Text that may stand in a template as it is: the product's name and a few signs. */
	static final Set<String> ALLOWED_TEXT = Set.of("Ombud", "—", "·", "…", "→", "×", "/");

	/** Attributes a person reads (or hears from a screen reader). */
	static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "label",
			"data-confirm", "data-copied");

	/** Attributes whose element's content Thymeleaf replaces, so the template's own text is never shown. */
	static final Set<String> CONTENT_REPLACED = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:include",
			"data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");

	static final Pattern BUNDLE = Pattern.compile("(messages(?:-[a-z]+)?)(?:_([a-z]{2}))?\\.properties");

	static final Pattern KEY_USE = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)");

	static final Pattern KEY_PREFIX_USE = Pattern.compile("#\\{'([A-Za-z0-9_.\\-]+)'");

	@Test
	void everyBundleOnDiskIsOneTheApplicationReads() throws IOException {
		String yaml = Files.readString(RESOURCES.resolve("application.yml"), StandardCharsets.UTF_8);
		Matcher m = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$").matcher(yaml);
		assertThat(m.find()).as("spring.messages.basename in application.yml").isTrue();
		Set<String> read = Set.of(m.group(1).split(","));
		assertThat(read).containsAll(bundles().keySet()).containsAll(BASENAMES);
	}

	@Test
	void everyKeyIsTranslatedIntoEveryLanguageAndBack() throws IOException {
		Map<String, Map<String, Properties>> bundles = bundles();
		assertThat(bundles.keySet()).containsAll(BASENAMES);
		List<String> problems = new ArrayList<>();
		bundles.forEach((basename, languages) -> {
			Properties english = languages.get("");
			if (english == null) {
				problems.add(basename + ".properties is missing");
				return;
			}
			blank(basename + ".properties", english, problems);
			for (String language : TRANSLATIONS) {
				String file = basename + "_" + language + ".properties";
				Properties translated = languages.get(language);
				if (translated == null) {
					problems.add(file + " is missing");
					continue;
				}
				blank(file, translated, problems);
				for (String key : new TreeSet<>(english.stringPropertyNames())) {
					if (!translated.containsKey(key)) {
						problems.add(file + " lacks " + key);
					}
				}
				for (String key : new TreeSet<>(translated.stringPropertyNames())) {
					if (!english.containsKey(key)) {
						problems.add(basename + ".properties lacks " + key + " (found in " + file + ")");
					}
				}
			}
		});
		assertThat(problems).isEmpty();
	}

	@Test
	void everyKeyATemplateUsesExistsInEnglish() throws IOException {
		Set<String> english = new TreeSet<>();
		for (Map<String, Properties> languages : bundles().values()) {
			Properties en = languages.get("");
			if (en != null) {
				english.addAll(en.stringPropertyNames());
			}
		}
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			String source = Files.readString(template);
			Matcher keys = KEY_USE.matcher(source);
			while (keys.find()) {
				if (!english.contains(keys.group(1))) {
					problems.add(TEMPLATES.relativize(template) + " uses unknown key " + keys.group(1));
				}
			}
			// #{'channel.' + ${c.channel}}: at least some key must start that way
			Matcher prefixes = KEY_PREFIX_USE.matcher(source);
			while (prefixes.find()) {
				String prefix = prefixes.group(1);
				if (english.stream().noneMatch(k -> k.startsWith(prefix))) {
					problems.add(TEMPLATES.relativize(template) + " builds keys from unknown prefix " + prefix);
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void noTemplateHoldsHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path template : templates()) {
			hardCodedText(TEMPLATES.relativize(template).toString(), Files.readString(template))
				.forEach(problems::add);
		}
		assertThat(problems).isEmpty();
	}

	/** The guard guards: a template with text of its own is caught, one that takes it from keys is not. */
	@Test
	void theGuardCatchesADeliberateViolation() {
		assertThat(hardCodedText("bad.html", """
				<html xmlns:th="http://www.thymeleaf.org"><body>
				<h1>Case queue</h1>
				<input placeholder="Search cases">
				<img src="x.png" alt="Logo">
				<button title="Очистить">×</button>
				<p th:if="${x}">Не найдено 未找到</p>
				</body></html>""")).hasSize(5);
		assertThat(hardCodedText("good.html", """
				<html xmlns:th="http://www.thymeleaf.org"><body>
				<a class="brand" href="/">Ombud</a>
				<h1 th:text="#{console.queue.title}">Case queue</h1>
				<input th:placeholder="#{console.queue.searchHint}" placeholder="Search">
				<span th:attr="aria-label=#{console.admin.name}" aria-label="Name"></span>
				<div th:replace="~{x :: y}"><p>Replaced text</p></div>
				<p>— · [[${count}]] &nbsp; 42</p>
				<script>var words = 'not shown';</script>
				<input type="hidden" name="assignee" value="me">
				</body></html>""")).isEmpty();
	}

	/** Each piece of text a person would see that Thymeleaf does not take from a message or the model. */
	static List<String> hardCodedText(String name, String source) {
		Document document;
		try {
			document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(name, source);
		}
		catch (org.attoparser.ParseException e) {
			return List.of(name + ": cannot be parsed: " + e.getMessage());
		}
		List<String> problems = new ArrayList<>();
		walk(name, source, document, problems);
		return problems;
	}

	/** Where a piece of text first stands in the source (the DOM does not keep reliable line numbers). */
	private static String where(String name, String source, String text) {
		int at = source.indexOf(text);
		return name + ":" + (at < 0 ? "?" : String.valueOf(source.substring(0, at).lines().count() + (at == 0 ? 1 : 0)));
	}

	private static void walk(String name, String source, INestableNode parent, List<String> problems) {
		for (INode node : parent.getChildren()) {
			if (node instanceof Text text) {
				if (hasLetters(text.getContent())) {
					String content = text.getContent().strip();
					problems.add(where(name, source, content) + ": text \"" + content + "\"");
				}
			}
			else if (node instanceof Element element) {
				Map<String, String> attributes = element.getAttributeMap();
				if (attributes.keySet().stream().anyMatch(a -> a.equals("th:replace") || a.equals("data-th-replace"))) {
					continue;
				}
				String th = String.valueOf(attributes.getOrDefault("th:attr", ""));
				for (Map.Entry<String, String> attribute : attributes.entrySet()) {
					String attr = attribute.getKey().toLowerCase();
					boolean shown = TEXT_ATTRIBUTES.contains(attr) || (attr.equals("value") && isButton(element));
					boolean dynamic = attributes.containsKey("th:" + attr) || attributes.containsKey("data-th-" + attr)
							|| th.matches("(?s).*(^|[,\\s])" + Pattern.quote(attr) + "\\s*=.*");
					if (shown && !dynamic && hasLetters(attribute.getValue())) {
						problems.add(where(name, source, attribute.getValue()) + ": attribute " + attr + "=\""
								+ attribute.getValue() + "\"");
					}
				}
				String tag = element.getElementName().toLowerCase();
				boolean replaced = attributes.keySet().stream().anyMatch(CONTENT_REPLACED::contains);
				if (!replaced && !tag.equals("script") && !tag.equals("style")) {
					walk(name, source, element, problems);
				}
			}
		}
	}

	private static boolean isButton(Element element) {
		String type = String.valueOf(element.getAttributeValue("type")).toLowerCase();
		return element.getElementName().equalsIgnoreCase("input")
				&& (type.equals("submit") || type.equals("button") || type.equals("reset"));
	}

	private static boolean hasLetters(String text) {
		if (text == null) {
			return false;
		}
		String rest = text.replaceAll("\\[\\[.*?]]|\\[\\(.*?\\)]", " ") // inlined expressions
			.replaceAll("&#?[A-Za-z0-9]+;", " "); // character references
		for (String allowed : ALLOWED_TEXT) {
			rest = rest.replace(allowed, " ");
		}
		return rest.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		if (!Files.isDirectory(TEMPLATES)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

	/** basename → language ("" for English) → keys and values. */
	private static Map<String, Map<String, Properties>> bundles() throws IOException {
		Map<String, Map<String, Properties>> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(RESOURCES)) {
			for (Path file : files.sorted().toList()) {
				Matcher m = BUNDLE.matcher(file.getFileName().toString());
				if (!m.matches()) {
					continue;
				}
				Properties properties = new Properties();
				try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					properties.load(reader);
				}
				bundles.computeIfAbsent(m.group(1), k -> new TreeMap<>())
					.put(m.group(2) == null ? "" : m.group(2), properties);
			}
		}
		return bundles;
	}

	private static void blank(String file, Properties properties, List<String> problems) {
		for (String key : new TreeSet<>(properties.stringPropertyNames())) {
			if (properties.getProperty(key).isBlank()) {
				problems.add(file + " has an empty " + key);
			}
		}
	}
}
