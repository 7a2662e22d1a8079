package org.ombud.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The portal speaks three languages: every key it uses exists, in every one of them. */
class PortalMessagesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[(}]");

	private static final Pattern CODE_KEY = Pattern.compile("\"(portal\\.[a-zA-Z0-9_.]+)\"");

	@Test
	void theThreePortalBundlesHaveTheSameKeys() throws IOException {
		Set<String> en = load("messages-portal.properties").stringPropertyNames();
		assertThat(load("messages-portal_ru.properties").stringPropertyNames()).isEqualTo(en);
		assertThat(load("messages-portal_zh.properties").stringPropertyNames()).isEqualTo(en);
		for (String key : en) {
			assertThat(load("messages-portal_ru.properties").getProperty(key)).as(key).isNotBlank();
			assertThat(load("messages-portal_zh.properties").getProperty(key)).as(key).isNotBlank();
		}
	}

	@Test
	void everyKeyTheTemplatesAndControllersUseIsTranslated() throws IOException {
		Set<String> used = new TreeSet<>();
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath:templates/portal/*.html")) {
			TEMPLATE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8))
				.results()
				.forEach(m -> used.add(m.group(1)));
		}
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/ombud/portal"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				CODE_KEY.matcher(Files.readString(source)).results().forEach(m -> used.add(m.group(1)));
			}
		}
		assertThat(used).contains("portal.report.title", "portal.error.consent", "portal.lookup.notFound");
		for (String suffix : new String[] { "", "_ru", "_zh" }) {
			Set<String> known = new HashSet<>(load("messages" + suffix + ".properties").stringPropertyNames());
			known.addAll(load("messages-portal" + suffix + ".properties").stringPropertyNames());
			assertThat(known).as("keys in messages%s", suffix).containsAll(used);
		}
	}

	@Test
	void templatesUseNoUnescapedText() throws IOException {
		for (Resource template : new PathMatchingResourcePatternResolver()
			.getResources("classpath:templates/portal/*.html")) {
			assertThat(template.getContentAsString(StandardCharsets.UTF_8)).as(template.getFilename())
				.doesNotContain("th:utext", "[(", "style=", "<style")
				.doesNotContainPattern("<script(?![^>]*\\bsrc=)");
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
