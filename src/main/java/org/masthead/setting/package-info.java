/** Site settings: the name, filings, contact and display choices an operator edits. */
package org.masthead.setting;
