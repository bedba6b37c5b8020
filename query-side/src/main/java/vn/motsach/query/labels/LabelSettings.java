package vn.motsach.query.labels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How label sheets are laid out when the request does not say, and how many labels one request
 * may ask for ({@code motsach.labels.*}); {@code motsach.public-base-url} is where the public
 * catalogue is reached from outside, for the QR codes.
 */
@ConfigurationProperties("motsach.labels")
record LabelSettings(
        @DefaultValue("A4-3x8") String defaultLayout,
        @DefaultValue("10") double marginTopMm,
        @DefaultValue("5") double marginSideMm,
        @DefaultValue("2") double gapMm,
        @DefaultValue("600") int maxLabels) {
}
