package org.masthead.api;

import java.util.List;
import org.masthead.ingest.LineResult;

/** The answer to an import: one result per input line, in input order. */
record ImportResponse(List<LineResult> results) {}
