package org.kinship.times.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.launch.CurrentPrincipal;
import org.kinship.shared.web.WholePages;
import org.kinship.times.MemberTimes;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells every page rendered for a launched person whether their time zone is stored
 * ({@code timeZoneKnown}): when it is not, the layout loads the script that sends the
 * browser's. Every page also gets the zone and language its scripts show times in
 * ({@code memberZone}, {@code memberLanguage}). Only pages: redirects, fragments and JSON
 * answers make no query.
 */
@Configuration(proxyBeanMethods = false)
class TimeZoneInterceptor implements WebMvcConfigurer, HandlerInterceptor {

	private final MemberTimes times;

	TimeZoneInterceptor(MemberTimes times) {
		this.times = times;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable ModelAndView page) {
		if (!WholePages.isWholePage(page)) {
			return;
		}
		// as plain values: pages' data attributes are evaluated in Thymeleaf's restricted
		// mode, where beans and the locale's methods cannot be called
		page.addObject("memberZone", this.times.zoneId());
		page.addObject("memberLanguage", LocaleContextHolder.getLocale().getLanguage());
		CurrentPrincipal.get().ifPresent((principal) -> page.addObject("timeZoneKnown", this.times.known(principal)));
	}

}
