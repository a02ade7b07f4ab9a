package org.kinship.groups.internal;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the groups module ({@code kinship.groups}).
 *
 * @param demoIssuers registration keys of the EHRs that get the demo groups at start (the
 * sandbox); empty for a real hospital
 * @param previewLimit how many members a cohort preview looks at, the most recently
 * active first
 * @param previewParallelism how many record reads a preview makes at once
 * @param cohortSearch whether cohorts are found with searches by code across patients
 * (true), or by reading each known member's record (false, as an EHR that refuses the
 * search gets anyway)
 * @param searchPageSize the page size ({@code _count}) a cohort search asks for; servers
 * answer with their own maximum when it is smaller (the sandbox 200)
 * @param searchMaxPages the ceiling of pages a cohort's searches may read together; past
 * it the cohort cannot be resolved
 */
@Validated
@ConfigurationProperties("kinship.groups")
public record GroupsProperties(@DefaultValue List<String> demoIssuers,
		@DefaultValue("500") @Min(1) @Max(10000) int previewLimit,
		@DefaultValue("4") @Min(1) @Max(32) int previewParallelism, @DefaultValue("true") boolean cohortSearch,
		@DefaultValue("1000") @Min(1) @Max(5000) int searchPageSize, @DefaultValue("2000") @Min(1) int searchMaxPages) {
}
