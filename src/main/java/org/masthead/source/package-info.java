/** Sources (来源): the publishers whose articles the site carries. */
package org.masthead.source;
