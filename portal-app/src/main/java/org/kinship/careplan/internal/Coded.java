package org.kinship.careplan.internal;

import java.io.Serializable;

/**
 * One coding from the record, reduced to what matching needs.
 *
 * @param system the code system
 * @param code the code
 */
public record Coded(String system, String code) implements Serializable {
}
