package org.ombud.support;

import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium driven by Playwright, headless, with no traffic of its own to the outside. */
public final class Browsers {

	private Browsers() {
	}

	public static Browser chromium(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of(executable()))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
						"--disable-background-networking", "--disable-component-update", "--disable-sync",
						"--disable-dev-shm-usage")));
	}

	static String executable() {
		String configured = System.getenv("OMBUD_TEST_CHROMIUM");
		return configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured;
	}
}
