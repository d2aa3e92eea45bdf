package org.masthead.setting;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code masthead.site.*}: the settings written to the database on first start; afterwards the
 * database wins, so an operator's edits survive restarts.
 *
 * @param name site name
 * @param tagline one line under the name
 * @param copyrightSince first copyright year
 * @param icp ICP filing number
 * @param publicSecurityFiling public-security filing number
 * @param email contact e-mail
 * @param timeZone display time zone, e.g. Asia/Shanghai
 * @param excerptLength list excerpt length in characters
 * @param baseUrl absolute site address
 */
@ConfigurationProperties("masthead.site")
public record InitialSiteSettings(
        String name,
        String tagline,
        Integer copyrightSince,
        String icp,
        String publicSecurityFiling,
        String email,
        String timeZone,
        Integer excerptLength,
        String baseUrl) {}
