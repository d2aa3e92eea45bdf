/** The public site readers see: home, article, channel, tag, source and author pages (thin HTTP adapters). */
package org.masthead.site;
