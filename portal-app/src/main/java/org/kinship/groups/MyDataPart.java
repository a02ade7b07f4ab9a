package org.kinship.groups;

/**
 * What a module keeps of a person's own, for the download of their data on their page
 * ({@code /me/data.json}, beside their groups): a module that keeps something a member
 * wrote or answered provides one as a bean. Only the person's own, never what others
 * wrote to them or about them.
 */
public interface MyDataPart {

	/**
	 * The part's name in the download.
	 * @return the name, such as {@code messages}
	 */
	String name();

	/**
	 * What the module keeps of the person, as the download shows it.
	 * @param issuer the person's health system
	 * @param fhirUser the person
	 * @return the part, written as JSON
	 */
	Object of(String issuer, String fhirUser);

}
