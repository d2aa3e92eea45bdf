/** Ingest (采集): brings articles in from JSON Lines files, the API and the demo set, sanitised once at the edge. */
package org.masthead.ingest;
