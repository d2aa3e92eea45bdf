/**
 * Keeps rendered reader pages, feeds and sitemaps as bytes (plain, and gzip and brotli once asked for), answers repeat requests
 * for them before Spring MVC, and drops exactly the ones an edit, a setting or an ad change affects.
 */
package org.masthead.pagecache;
