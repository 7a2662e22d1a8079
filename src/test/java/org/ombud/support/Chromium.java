package org.ombud.support;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium for one test class: {@code @RegisterExtension static final Chromium chromium = new Chromium();}
 * starts it before the class's tests and closes it after them. Also the steps every browser test repeats:
 * watching a page for script errors and content-security-policy violations, and logging an agent in.
 */
public final class Chromium implements BeforeAllCallback, AfterAllCallback {

	private Playwright playwright;

	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		playwright = Playwright.create();
		browser = Browsers.chromium(playwright);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	public Browser browser() {
		return browser;
	}

	/** Records the page's script errors and policy violations in {@code problems}, each marked with {@code who}. */
	public static void watch(Page page, List<String> problems, String who) {
		String prefix = who == null ? "" : who + ": ";
		page.onConsoleMessage(m -> {
			if (m.type().equals("error") || m.text().contains("Content Security Policy")) {
				problems.add(prefix + m.text());
			}
		});
		page.onPageError(e -> problems.add(prefix + e));
	}

	/** Logs an agent in through the login form, in English, and waits for the queue. */
	public static void logIn(Page page, String base, String username, String password) {
		page.navigate(base + "/login?lang=en");
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", password);
		page.click("form.stack button[type=submit]");
		page.waitForURL("**/console/cases");
	}
}
