/** Channels (栏目): the sections of the site, a tree with an order. */
package org.masthead.channel;
