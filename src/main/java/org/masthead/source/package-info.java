/** Sources (来源): the publishers whose articles the site carries, their feeds and when each feed is polled. */
package org.masthead.source;
