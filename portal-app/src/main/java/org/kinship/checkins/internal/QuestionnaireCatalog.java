package org.kinship.checkins.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.kinship.checkins.CheckinForm;
import org.kinship.checkins.Question;
import org.kinship.checkins.Question.Option;
import org.kinship.checkins.Scoring;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The check-ins Kinship ships with, read once from the FHIR R4 {@code Questionnaire}
 * resources in {@code questionnaires/} and mapped to {@link CheckinForm}s in English and,
 * from the resources' translation extensions, Spanish. The medicines check-in is a
 * template: its one item is asked once per medicine of the member's own record, with the
 * linkId {@code med-} and the MedicationRequest's id and the medicine's name as its text
 * ({@link #made}). HAPI's types stay in here and in the record writer.
 */
@Component
public class QuestionnaireCatalog {

	/** The check-ins, in the order staff are offered them. */
	public static final List<String> IDS = List.of("phq-2", "gad-2", "breathlessness", "pain-interference",
			"seizure-count", "caregiver-strain", "promis-global-10", Scoring.MEDICINES);

	/** The start of the linkId of each question made from a medicine. */
	public static final String MEDICINE_LINK = "med-";

	private static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

	private final Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();

	QuestionnaireCatalog(FhirContext fhir) {
		for (String id : IDS) {
			this.questionnaires.put(id, read(fhir, id));
		}
	}

	/**
	 * A check-in in a language.
	 * @param id the Questionnaire's id
	 * @param locale the reader's language (Spanish, or English for any other)
	 * @return the form, or empty for an id Kinship does not ship
	 */
	public Optional<CheckinForm> form(String id, Locale locale) {
		return Optional.ofNullable(this.questionnaires.get(id)).map((questionnaire) -> form(questionnaire, locale));
	}

	/**
	 * The Questionnaire resource itself, for the record writer.
	 * @param id the Questionnaire's id
	 * @return the resource, or empty
	 */
	public Optional<Questionnaire> resource(String id) {
		return Optional.ofNullable(this.questionnaires.get(id)).map(Questionnaire::copy);
	}

	/**
	 * Whether a check-in's questions are made for each member from their record.
	 * @param id the Questionnaire's id
	 * @return true for the medicines check-in
	 */
	public static boolean madeForEachMember(String id) {
		return Scoring.MEDICINES.equals(id);
	}

	/**
	 * A check-in whose questions are made for one member: its template's one item asked
	 * once per question given, in the reader's language but for the questions' own texts.
	 * @param id the Questionnaire's id, one {@link #madeForEachMember made for each
	 * member}
	 * @param questions each question's text by {@code linkId}, in order
	 * @param locale the reader's language
	 * @return the form
	 */
	public CheckinForm made(String id, Map<String, String> questions, Locale locale) {
		return form(madeResource(id, questions), locale);
	}

	/**
	 * The Questionnaire a member was asked, for the record writer: for a check-in made
	 * for each member, the template with its item asked once per question, derived from
	 * the template; otherwise the resource itself.
	 * @param id the Questionnaire's id
	 * @param questions for a check-in made for each member, each question's text by
	 * {@code linkId}; otherwise empty
	 * @return the resource
	 */
	public Questionnaire resource(String id, Map<String, String> questions) {
		return madeForEachMember(id) ? madeResource(id, questions) : resource(id).orElseThrow();
	}

	private Questionnaire madeResource(String id, Map<String, String> questions) {
		Questionnaire template = resource(id).orElseThrow();
		QuestionnaireItemComponent asked = template.getItemFirstRep();
		Questionnaire made = template.copy();
		// not the template's canonical: the items are this member's own
		made.setUrlElement(null);
		made.setVersionElement(null);
		made.addDerivedFrom(template.getUrl() + "|" + template.getVersion());
		made.setItem(new ArrayList<>());
		questions.forEach((linkId, text) -> {
			QuestionnaireItemComponent item = asked.copy();
			item.setLinkId(linkId);
			item.setTextElement(new StringType(text));
			made.addItem(item);
		});
		return made;
	}

	private static CheckinForm form(Questionnaire questionnaire, Locale locale) {
		List<Question> questions = questionnaire.getItem().stream().map((item) -> question(item, locale)).toList();
		return new CheckinForm(questionnaire.getIdElement().getIdPart(), text(questionnaire.getTitleElement(), locale),
				questions);
	}

	private static Question question(QuestionnaireItemComponent item, Locale locale) {
		List<Option> options = item.getAnswerOption().stream().map((option) -> option(option, locale)).toList();
		return new Question(item.getLinkId(), text(item.getTextElement(), locale), options,
				bound(item, "http://hl7.org/fhir/StructureDefinition/minValue"),
				bound(item, "http://hl7.org/fhir/StructureDefinition/maxValue"));
	}

	private static Option option(QuestionnaireItemAnswerOptionComponent option, Locale locale) {
		var coding = option.getValueCoding();
		int value = ((DecimalType) option.getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/ordinalValue")
			.getValue()).getValueAsInteger();
		return new Option(coding.getCode(), text(coding.getDisplayElement(), locale), value);
	}

	private static int bound(QuestionnaireItemComponent item, String url) {
		Extension extension = item.getExtensionByUrl(url);
		return (extension != null) ? ((IntegerType) extension.getValue()).getValue() : 0;
	}

	private static String text(StringType text, Locale locale) {
		if (!"es".equals(locale.getLanguage())) {
			return text.getValue();
		}
		return text.getExtensionsByUrl(TRANSLATION)
			.stream()
			.filter((translation) -> "es".equals(translation.getExtensionString("lang")))
			.map((translation) -> translation.getExtensionString("content"))
			.findFirst()
			.orElse(text.getValue());
	}

	private static Questionnaire read(FhirContext fhir, String id) {
		try (InputStream in = new ClassPathResource("questionnaires/" + id + ".json").getInputStream()) {
			return fhir.newJsonParser()
				.parseResource(Questionnaire.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
