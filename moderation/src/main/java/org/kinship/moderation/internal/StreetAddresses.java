package org.kinship.moderation.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses as they are written in the United States and elsewhere: "1420 Maple St
 * apt 3", "301 S Main, Apt 7", "Calle Mayor 12, 3º B", "Av. Insurgentes Sur 1234, Col.
 * Del Valle", "C/ Alcalá 120", "9 Rue des Lilas", "el 455 de la calle Juárez", "P.O. Box
 * 442", "apartado de correos 318", "CP 66220", "Tucson AZ 85705", "London W8 4PT". The
 * words between a number and its street must read as a name: "3 miles down Main Street",
 * "me caí en la calle hace 2 semanas" and "la avenida 20 minutos" are talk, not
 * addresses, and so is "way" that says how much ("80 once. Way less sprinting", "tremor
 * way better").
 */
final class StreetAddresses {

	private static final String NUMBER_START = "(?<![\\w.,/$:-])";

	private static final String UNITS = "(?! ?(?:horas?|minutos?|min|dias?|semanas?|meses|mes|anos?|veces|km|kms|mg"
			+ "|pasos|personas|cuadras?|metros?|hours?|minutes?|mins?|days?|weeks?|months?|years?|times|miles?|steps"
			+ "|people|pm|am|units|unidades|pastillas|pills|lbs|kg|kilos|libras|%)\\b)";

	private static final Pattern NUMBER_FIRST = Pattern.compile(NUMBER_START
			+ "\\d{1,6}[a-z]?(?<name>(?:\\s{1,3}[\\w'.-]{1,24}+){1,3}?)\\s{1,3}(?:street|st|avenue|ave|av|road|rd"
			+ "|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl|terrace|terr|ter|circle|cir|parkway|pkwy|highway"
			+ "|hwy|trail|trl|close|crescent|cres|square|sq|pike|plaza|mews)\\b"
			+ "(?! (?:scans?|appointments?|appts?|visits?|office|said|says|told|wants|meals?|feet|foot|meters|metres))"
			+ "(?<!way(?= (?:less|more|better|worse|too|easier|harder|lower|higher|down|up|off|out|back|over)\\b))");

	private static final Pattern NUMBER_THEN_UNIT = Pattern.compile(NUMBER_START
			+ "\\d{1,6}[a-z]?(?<name>(?: [\\w'.-]{1,24}+){1,3}?),? (?:apt|apartment|unit|suite|ste|flat|depto|dpto"
			+ "|departamento|int)\\.? ?#? ?\\d{1,5}[a-z]?\\b");

	private static final Pattern TYPE_FIRST = Pattern.compile("(?<![\\w])(?:calle|c/|avenida|avda\\.?|av\\.|carrera"
			+ "|cra\\.?|carrer|paseo|plaza|pza\\.?|camino|carretera|ronda|travesia|glorieta|callejon|privada|cerrada"
			+ "|calzada|bulevar|boulevard|blvd\\.?|diagonal|transversal|jiron|jr\\.|pasaje|rua|rue)(?<name>(?: {1,3}[\\w'.-]"
			+ "{1,24}+){1,4}?),?\\s{1,3}(?:no\\.? ?|num\\.? ?|#\\s?)?\\d{1,5}[a-z]?\\b" + UNITS);

	private static final Pattern NUMBER_THEN_TYPE = Pattern
		.compile(NUMBER_START + "\\d{1,5},? (?:rue|calle|avenida|rua|carrer)\\b"
				+ "|\\b(?:el|numero|no) \\d{1,5} de (?:la )?(?:calle|avenida|av\\.?|avda|carrera)\\b");

	private static final Pattern BOX = Pattern.compile("\\b(?:p\\.? ?o\\.? ?box|post office box"
			+ "|apartado (?:de correos|postal)|apdo\\.?|casilla (?:de correos?|postal))"
			+ "(?: (?:is|es|number|no\\.?|num\\.?|nr))?:? ?#? ?\\d{1,7}\\b");

	private static final Pattern POSTAL_CODE = Pattern
		.compile("\\b(?:c\\.p\\.?|cp|codigo postal|zip(?: code)?|postal code)\\s?:?\\s?(?:is |es )?\\d{5}\\b" + "|"
				+ NUMBER_START + "\\d{1,5}[a-z]?,? (?:int\\.? \\d{1,4},? )?col(?:onia|\\.) [a-z]"
				+ "|\\bruta (?:nacional |provincial )?\\d{1,3},? km\\.? ?\\d{1,4}\\b");

	/** A city, a state and a ZIP code; states that are also words need a comma before. */
	private static final Pattern STATE_AND_ZIP = Pattern.compile("\\b[a-z]{3,}\\.?,? (?:ak|az|ar|ca|ct|dc|fl|ga|ia"
			+ "|il|ks|ky|md|ma|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|ri|sc|sd|tn|tx|ut|vt|wa|wv|wi|wy|pr) \\d{5}"
			+ "(?:-\\d{4})?\\b" + UNITS + "|, ?[a-z]{3,}(?: [a-z]{3,})? (?:al|de|hi|id|in|la|me|mi|oh|ok|or|pa|va|co)"
			+ " \\d{5}(?:-\\d{4})?\\b" + UNITS);

	/** A British or Canadian postcode after a town and a comma. */
	private static final Pattern POSTCODE = Pattern.compile(", ?[a-z]{3,}(?: [a-z]{3,})?,? "
			+ "(?:[a-z]{1,2}\\d[a-z\\d]? \\d[abd-hjlnp-uw-z]{2}|[a-z]\\d[a-z] ?\\d[a-z]\\d)\\b");

	private static final String[] TYPE_WORDS = { "calle", "c/", "av", "carrer", "cra", "paseo", "plaza", "pza",
			"camino", "carretera", "ronda", "travesia", "glorieta", "callejon", "privada", "cerrada", "calzada",
			"bulevar", "boulevard", "blvd", "diagonal", "transversal", "jiron", "jr.", "pasaje", "rua", "rue" };

	/**
	 * A name, a number and a floor or flat: "Gran Vía 28, 5º izq", "Corrientes 1850 depto
	 * C"; not "habitación 412, planta 4", a room.
	 */
	private static final Pattern FLOOR = Pattern
		.compile("\\b[a-z]{3,} \\d{1,5}[a-z]?,? (?:\\d{1,2}[oa]? ?(?:izq\\w{0,8}"
				+ "|izda|dcha|dch|der\\w{0,6}|ctro|centro)\\b|\\d{1,2}[oa] ?[a-h]\\b"
				+ "|depto\\.? ?\\w{1,3}\\b|dpto\\.? ?\\w{1,3}\\b|apto\\.? ?\\w{1,4}\\b)");

	/** Words that show a number and a street word are talk, not an address. */
	private static final Set<String> TALK = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "from", "by",
			"with", "and", "or", "more", "other", "my", "your", "our", "his", "her", "their", "miles", "mile", "blocks",
			"block", "minutes", "minute", "mins", "hours", "hour", "days", "day", "weeks", "week", "years", "year",
			"times", "time", "min", "hr", "hrs", "feet", "foot", "steps", "km", "down", "up", "off", "near", "past",
			"across", "along", "better", "good", "long", "last", "first", "new", "only", "best", "kids", "mg", "pills",
			"units", "is", "was", "are", "it", "i", "im", "we", "you", "he", "she", "they", "that", "this", "so", "but",
			"hace", "desde", "hasta", "por", "para", "con", "sin", "son", "fue", "fueron", "estuve", "estaba", "estoy",
			"camine", "unos", "unas", "mas", "menos", "como", "cuando", "y", "o", "en", "me", "te", "se", "le", "lo",
			"mi", "tu", "su", "muy", "que", "hay", "tengo", "tiene", "tenia", "durante", "cada", "todos", "todas",
			"casi", "al", "semanas", "semana", "dias", "dia", "meses", "mes", "anos", "ano", "horas", "hora", "minutos",
			"cuadras", "cuadra", "metros", "kilometros", "veces", "pasos", "pastillas", "unidades", "personas", "es",
			"era", "un", "una", "otra", "otro", "ya", "no", "si", "pero", "porque", "entre", "sobre", "months", "month",
			"tab", "tabs");

	/** Words that may be part of a street's name but are not a name on their own. */
	private static final Set<String> JOINING = Set.of("de", "del", "la", "el", "los", "las", "des", "du", "le", "s",
			"n", "e", "w", "sur", "norte");

	private StreetAddresses() {
	}

	/**
	 * Whether a message holds a postal address.
	 * @param folded the message folded by {@link TextNormalizer#forPersonalData(String)}
	 * @return whether it does
	 */
	static boolean in(String folded) {
		boolean types = PersonalDataDetector.containsAny(folded, TYPE_WORDS);
		return named(NUMBER_FIRST.matcher(folded)) || named(NUMBER_THEN_UNIT.matcher(folded))
				|| types && (named(TYPE_FIRST.matcher(folded)) || NUMBER_THEN_TYPE.matcher(folded).find())
				|| PersonalDataDetector.containsAny(folded, "box", "apartado", "apdo", "casilla")
						&& BOX.matcher(folded).find()
				|| PersonalDataDetector.containsAny(folded, "cp", "c.p", "codigo postal", "zip", "postal", "col",
						"ruta") && POSTAL_CODE.matcher(folded).find()
				|| hasFiveDigits(folded) && STATE_AND_ZIP.matcher(folded).find()
				|| folded.indexOf(',') >= 0 && POSTCODE.matcher(folded).find()
				|| PersonalDataDetector.containsAny(folded, "izq", "izda", "dch", "der", "ctro", "centro", "o ", "a ",
						"depto", "dpto", "apto") && FLOOR.matcher(folded).find();
	}

	private static boolean hasFiveDigits(String folded) {
		int run = 0;
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			run = (c >= '0' && c <= '9') ? run + 1 : 0;
			if (run == 5) {
				return true;
			}
		}
		return false;
	}

	/** Whether a match has a street's name between its number and its street word. */
	private static boolean named(Matcher matcher) {
		int from = 0;
		// a match that reads as talk may hide an address that starts inside it:
		// "apartment
		// 3C at 250 Park Avenue"
		while (matcher.find(from)) {
			from = matcher.start() + 1;
			boolean name = false;
			boolean talk = false;
			for (String word : matcher.group("name").trim().split("\\s+")) {
				String bare = word.replaceAll("[.,']+$", "");
				talk |= TALK.contains(bare);
				name |= !bare.isEmpty() && !JOINING.contains(bare);
			}
			if (name && !talk) {
				return true;
			}
		}
		return false;
	}

}
