/** The Lucene implementation of the search interface: one index directory under the data dir, near-real-time. */
package org.masthead.search.lucene;
