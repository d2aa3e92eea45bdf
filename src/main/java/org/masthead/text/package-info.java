/** Chinese text: plain text from article HTML, excerpts, and later segmentation, summaries and keywords. */
package org.masthead.text;
