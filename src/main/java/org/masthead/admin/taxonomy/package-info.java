/** Back office for the taxonomy: the channel tree, tags and bylines (thin: the rules are in channel, tag and article). */
package org.masthead.admin.taxonomy;
