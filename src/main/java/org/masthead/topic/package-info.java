/** Special topics (专题): pages that gather articles in the editors' order, optionally under sections. */
package org.masthead.topic;
