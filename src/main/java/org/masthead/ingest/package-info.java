/**
 * Ingest (采集): brings articles in from JSON Lines files, the API, the demo set, source feeds
 * ({@code feed}) and single pages ({@code page}), fetched with care ({@code fetch}), sanitised once at
 * the edge and recorded with their provenance.
 */
package org.masthead.ingest;
