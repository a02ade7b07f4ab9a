package org.kinship.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for browser tests: every {@link WebDriver} parameter of a test, or of
 * its {@code @BeforeEach} methods, is a browser of its own with an empty profile, quit
 * after the test and its profile deleted. No cookie, and so no session of the sandbox or
 * of Kinship, passes from one person to another or from one test to the next. Debian's
 * Chromium driven by Debian's chromedriver; nothing is downloaded. A parameter marked
 * {@link ReadsSpanish} is a browser whose person reads Spanish: it asks for pages in
 * Spanish, as a browser set to Spanish does.
 */
final class Browsers implements ParameterResolver {

	private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(Browsers.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == WebDriver.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		OpenBrowser browser = OpenBrowser.start(parameter.isAnnotated(ReadsSpanish.class));
		// closed with the test's context, after its @AfterEach methods
		context.getStore(BROWSERS).put(browser, browser);
		return browser.driver();
	}

	private record OpenBrowser(WebDriver driver, Path profile) implements AutoCloseable {

		static OpenBrowser start(boolean spanish) {
			Path profile = createProfile();
			ChromeOptions options = new ChromeOptions();
			// the page's console, for a failing test to show
			options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
			options.setBinary(System.getProperty("kinship.chromium", "/usr/bin/chromium"));
			options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
					"--disable-sync", "--user-data-dir=" + profile);
			if (spanish) {
				options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-MX,es"));
			}
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(System.getProperty("kinship.chromedriver", "/usr/bin/chromedriver")))
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().window().setSize(Browser.DESKTOP);
			driver.manage().timeouts().pageLoadTimeout(Browser.PATIENCE);
			return new OpenBrowser(driver, profile);
		}

		@Override
		public void close() {
			try {
				this.driver.quit();
			}
			finally {
				deleteProfile();
			}
		}

		private static Path createProfile() {
			try {
				return Files.createTempDirectory("kinship-chromium");
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void deleteProfile() {
			try (Stream<Path> files = Files.walk(this.profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
			catch (IOException ex) {
				// a profile left in the temporary folder harms no other test
			}
		}

	}

	/** Marks a browser whose person reads Spanish. */
	@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
	@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
	@interface ReadsSpanish {

	}

}
