/** Tags (标签): the free keywords attached to articles. */
package org.masthead.tag;
