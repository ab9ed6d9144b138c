package io.walletrecon.nativeimage;

import io.quarkus.runtime.annotations.RegisterResourceBundle;

/**
 * Resource bundles that JFreeChart looks up by name while it builds a chart (axis and legend labels); a native
 * executable holds only the bundles registered at build time. Quarkus reads these annotations from core's Jandex
 * index. Files (OpenPDF's fonts) are included per application with {@code quarkus.native.resources.includes}, so
 * that a function that renders nothing does not carry them.
 */
@RegisterResourceBundle(bundleName = "org.jfree.chart.LocalizationBundle")
@RegisterResourceBundle(bundleName = "org.jfree.chart.plot.LocalizationBundle")
@RegisterResourceBundle(bundleName = "org.jfree.chart.ui.LocalizationBundle")
final class ReportLibrariesResources {

    private ReportLibrariesResources() {
    }
}
