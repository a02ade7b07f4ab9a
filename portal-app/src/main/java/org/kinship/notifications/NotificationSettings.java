package org.kinship.notifications;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.kinship.groups.GroupDirectory;
import org.kinship.groups.GroupDirectory.MyGroup;
import org.kinship.groups.Membership.MembershipStatus;
import org.kinship.launch.KinshipPrincipal;
import org.kinship.notifications.internal.Contact;
import org.kinship.notifications.internal.ContactStore;
import org.kinship.notifications.internal.NotificationsProperties;
import org.kinship.notifications.internal.Preference;
import org.kinship.notifications.internal.PreferenceStore;
import org.kinship.notifications.internal.PushKeys;
import org.kinship.notifications.internal.PushSubscriptionStore;
import org.kinship.notifications.internal.PushSubscriptionStore.PushSubscription;
import org.kinship.notifications.internal.UnsubscribeLinks;
import org.kinship.shared.Refused;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's own notification settings: the address (offered from the record, confirmed
 * here), language, time zone and quiet hours, and the choice for each of their groups.
 * Every call is about the signed-in member only.
 */
@Component
public class NotificationSettings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\".]{2,}");

	private static final List<String> TIME_ZONES = List.of("UTC", "America/New_York", "America/Chicago",
			"America/Denver", "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu",
			"America/Puerto_Rico", "America/Mexico_City", "Europe/London", "Europe/Madrid");

	private final ContactStore contacts;

	private final PreferenceStore preferences;

	private final GroupDirectory groups;

	private final NotificationsProperties properties;

	private final UnsubscribeLinks links;

	private final PushKeys pushKeys;

	private final PushSubscriptionStore subscriptions;

	private final java.time.Clock clock;

	NotificationSettings(ContactStore contacts, PreferenceStore preferences, GroupDirectory groups,
			NotificationsProperties properties, UnsubscribeLinks links, PushKeys pushKeys,
			PushSubscriptionStore subscriptions, java.time.Clock clock) {
		this.pushKeys = pushKeys;
		this.subscriptions = subscriptions;
		this.clock = clock;
		this.contacts = contacts;
		this.preferences = preferences;
		this.groups = groups;
		this.properties = properties;
		this.links = links;
	}

	/**
	 * The member's settings page.
	 * @param principal the member
	 * @return what the page shows
	 */
	@Transactional
	public NotificationSettingsView view(KinshipPrincipal principal) {
		Contact contact = contact(principal);
		List<MyGroup> mine = active(principal);
		Map<Long, Preference> chosen = new HashMap<>();
		for (Preference preference : this.preferences
			.ofGroups(mine.stream().map((group) -> group.group().id()).toList())) {
			if (preference.fhirUser().equals(principal.fhirUser())) {
				chosen.put(preference.groupId(), preference);
			}
		}
		List<GroupChoice> choices = new ArrayList<>();
		for (MyGroup group : mine) {
			Preference preference = chosen.getOrDefault(group.group().id(), Preference.byDefault(group.group().id(),
					principal.fhirUser(), this.properties.namedGroupIssuers().contains(principal.issuerKey())));
			choices.add(new GroupChoice(group.group().id(), group.group().name(), preference.immediate(),
					preference.digest(), preference.nameGroup()));
		}
		return new NotificationSettingsView(view(contact), choices, TIME_ZONES, this.pushKeys.publicKey(),
				this.subscriptions.count(principal.issuer(), principal.fhirUser()));
	}

	/**
	 * Saves where and when the member is told. The address typed is the member's
	 * confirmation of it; blank stops e-mail.
	 * @param principal the member
	 * @param form what they typed
	 * @throws Refused when the address, time zone or a time is not valid; nothing is
	 * saved then
	 */
	@Transactional
	public void saveContact(KinshipPrincipal principal, ContactForm form) {
		Contact before = contact(principal);
		String email = form.email().strip();
		if (!email.isEmpty() && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
			throw new Refused("notifications.error.email");
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(form.timeZone().strip());
		}
		catch (DateTimeException ex) {
			throw new Refused("notifications.error.time-zone");
		}
		Integer from = minute(form.quietFrom());
		Integer until = minute(form.quietUntil());
		if ((from == null) != (until == null)) {
			throw new Refused("notifications.error.quiet-hours");
		}
		Locale locale = "es".equals(form.language()) ? Locale.forLanguageTag("es") : Locale.ENGLISH;
		String address = email.isEmpty() ? null : email;
		Contact after = new Contact(before.issuer(), before.fhirUser(), before.issuerKey(), before.recordEmail(),
				address, before.refused(), before.unsubscribed() && address == null, locale, zone, from, until,
				before.lastDigestAt(), before.unsubscribeId());
		this.contacts.save(after, !String.valueOf(address).equalsIgnoreCase(String.valueOf(before.email())));
	}

	/**
	 * Saves the member's choice for one of their groups.
	 * @param principal the member
	 * @param groupId the group
	 * @param level {@code every}, {@code replies}, {@code digest} or {@code nothing}
	 * @param digest whether the group is in the daily digest (with {@code every} and
	 * {@code replies})
	 * @param nameGroup whether notices may name the group
	 * @throws Refused when the member does not belong to the group
	 */
	@Transactional
	public void saveGroup(KinshipPrincipal principal, long groupId, String level, boolean digest, boolean nameGroup) {
		if (active(principal).stream().noneMatch((group) -> group.group().id() == groupId)) {
			throw Refused.forbidden("notifications.error.not-member");
		}
		Immediate immediate = switch (level) {
			case "every" -> Immediate.EVERY;
			case "replies" -> Immediate.REPLIES;
			case "digest", "nothing" -> Immediate.NONE;
			default -> throw new Refused("notifications.error.level");
		};
		boolean inDigest = "digest".equals(level) || (immediate != Immediate.NONE && digest);
		this.preferences.save(new Preference(groupId, principal.fhirUser(), immediate, inDigest, nameGroup));
	}

	/**
	 * Stores the push subscription of the browser the member is using, so that what is
	 * e-mailed to them is also pushed there. A browser subscribed before, for this member
	 * or another, is now this member's.
	 * @param principal the member
	 * @param form the browser's subscription
	 * @throws Refused when Kinship sends no pushes, or the subscription is not one a
	 * browser makes (an {@code https} endpoint and base64url keys)
	 */
	@Transactional
	public void subscribe(KinshipPrincipal principal, PushForm form) {
		if (!this.pushKeys.enabled()) {
			throw new Refused("notifications.error.push-off");
		}
		if (!form.valid()) {
			throw new Refused("notifications.error.push");
		}
		this.subscriptions.save(new PushSubscription(principal.issuer(), principal.fhirUser(), form.endpoint(),
				form.p256dh(), form.auth()), this.clock.instant());
	}

	/**
	 * Stops pushes to one of the member's browsers.
	 * @param principal the member
	 * @param endpoint the browser's endpoint
	 * @return whether the member had that subscription
	 */
	@Transactional
	public boolean unsubscribePush(KinshipPrincipal principal, String endpoint) {
		return this.subscriptions.remove(principal.issuer(), principal.fhirUser(), endpoint);
	}

	/**
	 * Follows an unsubscribe link: stops every e-mail to the member it was made for (not
	 * their pushes or the message centre's notices).
	 * @param token the link's token
	 * @return whether the link was valid
	 */
	@Transactional
	public boolean unsubscribe(String token) {
		Optional<String> id = this.links.verify(token);
		return id.isPresent() && this.contacts.unsubscribe(id.get());
	}

	/**
	 * Whether an unsubscribe link is one Kinship made.
	 * @param token the link's token
	 * @return true when valid
	 */
	public boolean validLink(String token) {
		return this.links.verify(token).flatMap(this.contacts::byUnsubscribeId).isPresent();
	}

	private List<MyGroup> active(KinshipPrincipal principal) {
		return this.groups.mine(principal)
			.stream()
			.filter((group) -> group.membership().status() == MembershipStatus.ACTIVE)
			.toList();
	}

	private Contact contact(KinshipPrincipal principal) {
		Optional<Contact> found = this.contacts.find(principal.issuer(), principal.fhirUser());
		if (found.isEmpty()) {
			// a member launched before notifications came: their record's address is read
			// at their next launch
			this.contacts.launched(principal.issuer(), principal.issuerKey(), principal.fhirUser(), null,
					LocaleContextHolder.getLocale(), ZoneId.of(this.properties.defaultTimeZone()),
					this.clock.instant());
		}
		return found.or(() -> this.contacts.find(principal.issuer(), principal.fhirUser())).orElseThrow();
	}

	private static ContactView view(Contact contact) {
		return new ContactView(contact.recordEmail(), contact.email(), contact.refused(), contact.unsubscribed(),
				contact.locale().getLanguage().equals("es") ? "es" : "en", contact.timeZone().getId(),
				time(contact.quietFrom()), time(contact.quietUntil()));
	}

	private static String time(@Nullable Integer minute) {
		return (minute == null) ? "" : LocalTime.of(minute / 60, minute % 60).toString();
	}

	private static @Nullable Integer minute(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			LocalTime time = LocalTime.parse(text.strip());
			return time.getHour() * 60 + time.getMinute();
		}
		catch (DateTimeParseException ex) {
			throw new Refused("notifications.error.quiet-hours");
		}
	}

}
