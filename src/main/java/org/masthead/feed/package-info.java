/** Feeds and sitemaps for readers, feed readers and crawlers (thin). */
package org.masthead.feed;
