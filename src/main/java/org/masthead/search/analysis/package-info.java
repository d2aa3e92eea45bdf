/**
 * Turns Chinese news text into search terms: folding (full width, Traditional script) and word
 * segmentation, chosen by measurement against the SIGHAN 2005 gold (see {@link
 * org.masthead.search.analysis.SegmentationScore} and bench/README.md).
 */
package org.masthead.search.analysis;
