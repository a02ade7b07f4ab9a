package org.kinship.careplan.internal;

import java.util.List;

import org.hl7.fhir.r4.model.Resource;

/**
 * Maps the resources one search found to cards.
 *
 * @param <T> the kind of card
 */
@FunctionalInterface
interface CardMapping<T> {

	List<T> map(List<Resource> resources, MappingContext context);

}
