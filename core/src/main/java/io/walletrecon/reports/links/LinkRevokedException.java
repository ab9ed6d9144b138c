package io.walletrecon.reports.links;

import io.walletrecon.problem.ApiException;
import io.walletrecon.problem.ProblemType;

/** A statement link its sender revoked: gone (410), with a page that says so rather than "expired". */
public class LinkRevokedException extends ApiException {

    public LinkRevokedException() {
        super(ProblemType.GONE, "The sender has withdrawn this statement link; ask them for a new one");
    }
}
