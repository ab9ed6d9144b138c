package io.walletrecon.background;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration under {@code walletrecon.background.*}: where work started by a request runs. */
@ConfigMapping(prefix = "walletrecon.background")
public interface BackgroundConfig {

    enum Kind {
        /** On this process's worker pool, after the response (the server: a long-lived process). */
        IN_PROCESS,
        /**
         * In the {@code background-work} function: an empty object {@code <prefix><kind>/<id>} is put in the
         * documents bucket, whose ObjectCreated event invokes it (functions/http: Lambda freezes a function once it
         * has answered, so nothing may run there after the response).
         */
        JOBS_FUNCTION
    }

    /**
     * {@code in-process} (default) or {@code jobs-function} (set by functions/http); env WALLETRECON_BACKGROUND_KIND.
     */
    @WithDefault("in-process")
    Kind kind();

    /** Key prefix of job objects in the documents bucket; the template's S3 trigger filters on the same prefix. */
    @WithDefault("jobs/")
    String prefix();
}
